/**
 * A flood of logins against the rest of the API: 128 logins at once, in waves, while one client
 * keeps reading its session (GET /api/profile). Reports that client's median and p99 latency and
 * how long the logins took. Baseline in the same process: the same flood with password hashing
 * unbounded, as it was.
 */
import { performance } from 'node:perf_hooks';
import { setHashConcurrency, HASH_CONCURRENCY } from '../src/auth/passwords.js';
import { createUser } from '../src/auth/users.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { onEachEngine, percentile } from './engines.js';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 128);
const WAVES = 3;
const PASSWORD = 'benchmark password for vakt';

await onEachEngine(async (engine, database) => {
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), webDir: '/nonexistent', trustProxy: true, loginRateLimit: 1_000_000 },
  });
  await app.ready();
  for (let i = 0; i < 16; i++)
    await createUser(database.db, 'bench', { email: `user-${i}@bench.test`, name: 'u', role: 'analyst', password: PASSWORD });
  const session = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'user-0@bench.test', password: PASSWORD } });
  const cookie = `vakt_session=${session.cookies.find((c) => c.name === 'vakt_session')?.value ?? ''}`;

  const flood = async (label: string) => {
    await database.db.deleteFrom('login_throttle').execute();
    const reads: number[] = [];
    let running = true;
    const reader = (async () => {
      while (running) {
        const start = performance.now();
        await app.inject({ url: '/api/profile', headers: { cookie } });
        reads.push(performance.now() - start);
        // A client on a socket waits for I/O; in process, let the event loop turn (PGlite answers without it).
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const start = performance.now();
    for (let wave = 0; wave < WAVES; wave++) {
      // Each login from an address of its own, so the lockouts do not stop the flood.
      await Promise.all(
        Array.from({ length: LOGINS }, (_, i) =>
          app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email: `user-${i % 16}@bench.test`, password: PASSWORD },
            headers: { 'x-forwarded-for': `100.64.${wave}.${i}` },
          }),
        ),
      );
    }
    const took = performance.now() - start;
    running = false;
    await reader;
    reads.sort((a, b) => a - b);
    console.log(
      `${`${label} [${engine}]`.padEnd(60)} reads: median ${percentile(reads, 0.5).toFixed(0)} ms, p99 ${percentile(reads, 0.99).toFixed(0)} ms (${reads.length}); ${WAVES}×${LOGINS} logins in ${(took / 1000).toFixed(1)} s`,
    );
  };

  setHashConcurrency(Number.POSITIVE_INFINITY);
  await flood('  baseline: hashing unbounded');
  setHashConcurrency(HASH_CONCURRENCY);
  await flood(`logins, hashing bounded to ${HASH_CONCURRENCY} at a time`);
  await app.close();
});
