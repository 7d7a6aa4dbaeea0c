import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/helpers/database.js';
import { createScratchDatabase } from '../../test/helpers/postgres.js';

const script = new URL('../../test/fixtures/job-process.ts', import.meta.url).pathname;

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

async function waitFor(path: string, timeoutMs = 60_000): Promise<string> {
  const start = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${path}`);
    await sleep(100);
  }
  await sleep(50);
  return readFileSync(path, 'utf8');
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

describe.each(testEngines())('a job survives a killed worker and runs exactly once [%s]', (engine) => {
  it.each(['before', 'after'] as const)(
    'killed %s its effect committed',
    async (hang) => {
      const dir = mkdtempSync(join(tmpdir(), 'vakt-jobs-'));
      let env: Record<string, string> = { JOB_DIR: dir };
      let dropDatabase = async () => {};
      if (engine === 'postgres') {
        const scratch = await createScratchDatabase(process.env.VAKT_TEST_DATABASE_URL!);
        env = { ...env, JOB_DB_URL: scratch.url };
        dropDatabase = scratch.drop;
      } else {
        env = { ...env, JOB_DATA_DIR: join(dir, 'data') };
      }
      try {
        const first = startWorker({ ...env, JOB_ENQUEUE: '1', JOB_HANG: hang });
        await waitFor(join(dir, hang === 'before' ? 'started' : 'effect-done'));
        first.kill('SIGKILL');
        await exited(first);
        expect(existsSync(join(dir, 'done'))).toBe(false);

        const second = startWorker(env);
        const report = JSON.parse(await waitFor(join(dir, 'done'))) as { state: string; effects: number };
        await exited(second);
        expect(report).toEqual({ state: 'completed', effects: 1 });
      } finally {
        await dropDatabase();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
