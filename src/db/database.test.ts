import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { createScratchDatabase } from '../../test/helpers/postgres.js';
import { migrate, openDatabase } from './database.js';
import { migrations } from './migrations/index.js';

describeEachEngine('migrations', (get) => {
  it('are applied once: a second run applies nothing', async () => {
    expect(await migrate(get())).toEqual({ applied: [] });
    const rows = await sql<{ name: string }>`select name from vakt_migrations`.execute(get().db);
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });
});

describe('PGlite data directory', () => {
  it('keeps a second process out with a clear message, and survives a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vakt-datadir-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrate(first);
      // Pretend another live process holds it: our parent pid is alive and is not us.
      await first.close();
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'vakt.lock'), String(process.ppid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process \d+/);
      writeFileSync(join(dir, 'vakt.lock'), '999999999');
      const again = await openDatabase({ dataDir: dir });
      expect(await migrate(again)).toEqual({ applied: [] });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const url = process.env.VAKT_TEST_DATABASE_URL;
describe.runIf(url)('migrations on a PostgreSQL server [postgres]', () => {
  it('two processes starting together apply each migration once', async () => {
    const scratch = await createScratchDatabase(url!);
    try {
      const a = await openDatabase({ url: scratch.url });
      const b = await openDatabase({ url: scratch.url });
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra.applied, ...rb.applied]).toEqual(Object.keys(migrations));
      const count = await sql<{ n: number }>`select count(*)::int as n from vakt_migrations`.execute(a.db);
      expect(count.rows[0]?.n).toBe(Object.keys(migrations).length);
      await a.close();
      await b.close();
    } finally {
      await scratch.drop();
    }
  });
});
