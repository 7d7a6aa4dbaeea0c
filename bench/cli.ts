/**
 * How soon the CLI answers, each command run as a new process ten times (median and slowest):
 * `vakt --help`, and `vakt lookup 192.0.2.1` on the embedded database and on PostgreSQL.
 * Baseline in the same run: a Node process that does nothing, the floor every command stands on.
 * Targets: `--help` under 150 ms, a lookup under 500 ms. Each command loads its modules when it
 * runs, and a database already migrated is checked with one read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '../test/helpers/postgres.js';
import { percentile } from './engines.js';

const RUNS = 10;
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

function timed(label: string, args: string[], env: NodeJS.ProcessEnv, target?: number): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`${label}: exit ${run.status}: ${run.stderr.trim()}`);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  const goal = target === undefined ? '' : `; target < ${target} ms: ${median < target ? 'met' : 'NOT met'}`;
  console.log(`${label.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms, slowest ${times.at(-1)!.toFixed(0).padStart(5)} ms${goal}`);
  return median;
}

timed('baseline: node doing nothing', ['-e', ''], {});
timed('vakt --help', [CLI, '--help'], {}, 150);

const dataDir = await mkdtemp(join(tmpdir(), 'vakt-bench-cli-'));
try {
  const pglite = { VAKT_DATA_DIR: dataDir, DATABASE_URL: '' };
  // The first command creates and migrates the data directory; the figures are of those after.
  spawnSync(process.execPath, [CLI, 'lookup', '192.0.2.1'], { env: { ...process.env, ...pglite } });
  timed('vakt lookup 192.0.2.1 (PGlite)', [CLI, 'lookup', '192.0.2.1'], pglite, 500);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

const server = process.env.VAKT_TEST_DATABASE_URL;
if (server) {
  const scratch = await createScratchDatabase(server);
  try {
    const postgres = { DATABASE_URL: scratch.url };
    spawnSync(process.execPath, [CLI, 'lookup', '192.0.2.1'], { env: { ...process.env, ...postgres } });
    timed('vakt lookup 192.0.2.1 (PostgreSQL)', [CLI, 'lookup', '192.0.2.1'], postgres, 500);
  } finally {
    await scratch.drop();
  }
} else console.log('(set VAKT_TEST_DATABASE_URL to measure PostgreSQL too)');
