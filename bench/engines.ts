/** Runs a benchmark on the embedded database and, when VAKT_TEST_DATABASE_URL is set, on PostgreSQL. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, type Database } from '../src/db/database.js';
import { createScratchDatabase } from '../test/helpers/postgres.js';

export async function onEachEngine(body: (engine: 'pglite' | 'postgres', database: Database) => Promise<void>): Promise<void> {
  const embedded = await openDatabase({});
  await migrate(embedded);
  try {
    await body('pglite', embedded);
  } finally {
    await embedded.close();
  }
  const url = process.env.VAKT_TEST_DATABASE_URL;
  if (!url) {
    console.log('(set VAKT_TEST_DATABASE_URL to measure PostgreSQL too)');
    return;
  }
  const scratch = await createScratchDatabase(url);
  const server = await openDatabase({ url: scratch.url });
  try {
    await migrate(server);
    await body('postgres', server);
  } finally {
    await server.close();
    await scratch.drop();
  }
}

/**
 * Samples resident memory while a task runs; returns the peak in MB. `parts` says where it went at
 * the peak: the JavaScript heap, and the ArrayBuffers (PGlite's WebAssembly memory is one).
 */
export function peakRss(): { stop(): number; parts(): string } {
  let peak = process.memoryUsage();
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  };
  const timer = setInterval(sample, 50);
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return mb(peak.rss);
    },
    parts: () => `JavaScript heap ${mb(peak.heapTotal)} MB, ArrayBuffers ${mb(peak.arrayBuffers)} MB`,
  };
}

/**
 * Runs `body` on each engine in a process of its own, so that each engine's peak RSS is its own
 * (PGlite's memory stays in a process once used). PGlite runs on an existing data directory, as
 * `vakt serve` does at every start after the first. The parent process calls this with `prepare` (e.g. to write an input file,
 * whose path reaches the children as BENCH_INPUT); each child runs `body` once.
 */
export async function onEachEngineInOwnProcess(
  moduleUrl: string,
  prepare: () => Promise<{ input: string; cleanup: () => Promise<void> }>,
  body: (engine: 'pglite' | 'postgres', database: Database, input: string) => Promise<void>,
): Promise<void> {
  const engine = process.env.BENCH_ENGINE as 'pglite' | 'postgres' | 'pglite-init' | undefined;
  if (engine === 'pglite-init') {
    const database = await openDatabase({ dataDir: process.env.BENCH_DATA_DIR! });
    await migrate(database);
    await database.close();
    return;
  }
  if (engine) {
    const scratch = engine === 'postgres' ? await createScratchDatabase(process.env.VAKT_TEST_DATABASE_URL!) : undefined;
    const dataDir = engine === 'pglite' ? await mkdtemp(join(tmpdir(), 'vakt-bench-pglite-')) : undefined;
    // The data directory is created (initdb) by a process of its own and opened here, as every
    // start after the first opens it: initdb leaves its process's memory about 500 MB larger.
    if (dataDir)
      spawnSync(process.execPath, [...process.execArgv, fileURLToPath(moduleUrl)], {
        env: { ...process.env, BENCH_ENGINE: 'pglite-init', BENCH_DATA_DIR: dataDir },
        stdio: 'inherit',
      });
    const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir: dataDir! });
    try {
      await migrate(database);
      await body(engine, database, process.env.BENCH_INPUT!);
    } finally {
      await database.close();
      await scratch?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
    return;
  }
  const { input, cleanup } = await prepare();
  try {
    for (const each of process.env.VAKT_TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
      const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(moduleUrl)], {
        env: { ...process.env, BENCH_ENGINE: each, BENCH_INPUT: input },
        stdio: 'inherit',
      });
      if (result.status !== 0) console.log(`[${each}] the benchmark process failed (${result.status ?? result.signal})`);
    }
    if (!process.env.VAKT_TEST_DATABASE_URL) console.log('(set VAKT_TEST_DATABASE_URL to measure PostgreSQL too)');
  } finally {
    await cleanup();
  }
}

/** The p-th percentile (0–1) of sorted latencies. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
