/** Runs a benchmark on the embedded database and, when VAKT_TEST_DATABASE_URL is set, on PostgreSQL. */
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

/** Samples resident memory while a task runs; returns the peak in MB. */
export function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6);
    },
  };
}
