/**
 * A PostgreSQL server of a test's own (Debian's binaries, a temporary data directory, a free
 * loopback port), for tests that stop, restart or kill it: the machine's shared server must not be
 * disturbed while other test files use it. As root it runs as the postgres user, as PostgreSQL
 * requires.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivatePostgres {
  url: string;
  /** Restarts while the caller's event loop keeps running (requests fly during the restart). */
  restart(): Promise<void>;
  stop(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version ? join(root, version, 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function havePostgresBinaries(): boolean {
  return binDir() !== undefined;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql: apt-get install postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'vakt-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const argvOf = (command: string, args: string[]): [string, string[]] =>
    root ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
  const run = (command: string, args: string[]) => void execFileSync(...argvOf(command, args), { stdio: 'pipe', timeout: 60_000 });
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
  const ctlArgs = (action: string, extra: string[] = []) => [
    action,
    '-D',
    data,
    '-w',
    '-t',
    '60',
    '-l',
    join(dir, 'log'),
    '-o',
    options,
    ...extra,
  ];
  run('pg_ctl', ctlArgs('start'));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => void (await promisify(execFile)(...argvOf('pg_ctl', ctlArgs('restart', ['-m', 'fast'])), { timeout: 60_000 })),
    stop: () => {
      try {
        run('pg_ctl', ctlArgs('stop', ['-m', 'immediate']));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
