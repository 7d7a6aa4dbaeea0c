/**
 * The CLI beside a running `vakt serve` on the embedded database: it comes in through the socket
 * the server shares the data directory on, its writes are seen by the server at once, and the
 * audit chain stays whole while both write.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_MAIN, runCli } from '../../test/helpers/cli.js';
import { DEMO_PASSWORD } from '../demo/demo.js';

describe('vakt beside a running server on the embedded database', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-beside-'));
    env = { VAKT_DATA_DIR: join(dir, 'data') };
    server = spawn(process.execPath, [CLI_MAIN, 'serve', '--demo', '--port', '0', '--no-worker'], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let out = '';
    base = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const url = /running at (http:\/\/\S+) /.exec(out)?.[1];
        if (url) resolve(url);
      });
      server.on('exit', (code) => reject(new Error(`vakt serve exited with ${code}: ${out}`)));
    });
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (email: string, password: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('adds a user that can log in at once, while the server keeps answering and writing', async () => {
    const busy = Promise.all(Array.from({ length: 8 }, () => login('admin@cert-stockholm.demo', DEMO_PASSWORD).then((r) => r.status)));
    const added = await runCli(['users', 'add', '--email', 'nils@cert.test', '--name', 'Nils', '--role', 'analyst'], {
      ...env,
      VAKT_PASSWORD: 'a long enough password',
    });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(await busy).toEqual(Array(8).fill(200));
    expect((await login('nils@cert.test', 'a long enough password')).status).toBe(200);
    const list = await runCli(['users', 'list'], env);
    expect(list.stdout).toMatch(/^nils@cert\.test\tanalyst\tactive\tNils$/m);
    const worker = await runCli(['worker'], env);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/^vakt: a vakt serve holds this embedded database and runs its jobs.*PostgreSQL/);
    const audit = await runCli(['audit', 'verify'], env);
    expect(audit).toMatchObject({ code: 0 });
    expect(audit.stdout).toMatch(/^audit log intact/);
  });

  it('opens the directory itself again once the server has stopped, and the socket is gone', async () => {
    const socket = join(env.VAKT_DATA_DIR!, '.s.PGSQL.5432');
    expect(existsSync(socket)).toBe(true);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    expect(existsSync(socket)).toBe(false);
    const list = await runCli(['users', 'list'], env);
    expect(list).toMatchObject({ code: 0 });
    expect(list.stdout).toMatch(/^nils@cert\.test/m);
  });
});
