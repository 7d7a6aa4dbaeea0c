import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, testEngines } from '../../test/helpers/database.js';
import { verifyAudit } from '../audit/audit-log.js';
import { createApiToken, lookupApiToken } from '../auth/api-tokens.js';
import { authenticate } from '../auth/users.js';
import { DEMO_PASSWORD, loadDemo } from '../demo/demo.js';
import { getProfile } from '../profile/service.js';
import { backup, NOT_BACKED_UP, restore } from './backup.js';
import { sql } from 'kysely';
import { getBlob } from './blobs.js';
import { loadDemoEarlyWarning } from '../demo/demo-constituency.js';
import { loadDemoIncidents } from '../demo/demo-incidents.js';
import { createIncident } from '../incidents/incidents.js';
import { search } from '../incidents/search.js';
import { mergeReports } from '../incidents/triage.js';
import { testSettings } from '../../test/helpers/mail.js';

describeEachEngine('backup and restore', (get, engine) => {
  it('backs up every table a migration creates, but the RIPE copy and sessions', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name not like 'vakt_migrations%' and table_name not like 'pgboss%'`.execute(get().db);
    const dir = mkdtempSync(join(tmpdir(), 'vakt-tables-'));
    try {
      await backup(get(), join(dir, 'empty.vakt.gz'));
      const footer = JSON.parse(
        gunzipSync(readFileSync(join(dir, 'empty.vakt.gz')))
          .toString('utf8')
          .trim()
          .split('\n')
          .at(-1)!,
      ) as {
        counts: Record<string, number>;
      };
      const missing = tables.rows.map((r) => r.table_name).filter((t) => !(t in footer.counts) && !NOT_BACKED_UP.includes(t));
      expect(missing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  let dir: string;
  let file: string;
  let token: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-backup-'));
    file = join(dir, 'backup.vakt.gz');
    await loadDemo(get().db);
    await loadDemoIncidents(get().db, testSettings());
    await loadDemoEarlyWarning(get().db, testSettings());
    // A merge makes a row refer to a later one, and the SLA targets differ from the seeded ones.
    const reports = await get().db.selectFrom('reports').select('id').orderBy('id').execute();
    await mergeReports(get().db, 'system:test', [reports[0]!.id], reports[2]!.id);
    await get().db.updateTable('sla_policies').set({ acknowledge_minutes: 20 }).where('priority', '=', 'critical').execute();
    const admin = await authenticate(get().db, { email: 'admin@cert-stockholm.demo', password: DEMO_PASSWORD });
    token = (await createApiToken(get().db, admin.id, { name: 'kept', scopes: ['read'] })).token;
    await backup(get(), file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const target of testEngines()) {
    it(`restores a ${engine} backup into ${target}, whole`, async () => {
      const restored = await createTestDatabase(target);
      try {
        const { counts } = await restore(restored, file);
        expect(counts).toMatchObject({
          organisations: 6,
          users: 5,
          api_tokens: 1,
          team_profile: 1,
          org_netblocks: 7,
          feeds: 1,
          events: 11,
          notifications: 5,
          notification_feedback: 1,
        });
        expect(await verifyAudit(restored.db)).toMatchObject({ ok: true, head: (await verifyAudit(get().db)).head });
        expect((await getProfile(restored.db))?.profile.team.name).toBe('CERT Stockholm');
        expect(
          (await authenticate(restored.db, { email: 'constituent@cert-stockholm.demo', password: DEMO_PASSWORD })).organisation_id,
        ).not.toBeNull();
        expect(await lookupApiToken(restored.db, token)).toBeDefined();
        expect(counts).toMatchObject({ reports: 5, incidents: 9, messages: 14, blobs: 14, observables: 1, tasks: 1, triage_operations: 2 });
        // Generated search vectors are rebuilt, the ticket numbers continue, the SLA targets are the backup's.
        expect(
          (await search(restored.db, { userId: 'u', email: 'e', name: 'n', role: 'analyst', organisationId: null }, 'phishing')).hits
            .length,
        ).toBeGreaterThan(0);
        const next = await createIncident(restored.db, 'system:test', { title: 'after restore' });
        expect(Number(next.id)).toBeGreaterThan(Number((await get().db.selectFrom('incidents').select('id').executeTakeFirstOrThrow()).id));
        expect(
          (
            await restored.db
              .selectFrom('sla_policies')
              .select('acknowledge_minutes')
              .where('priority', '=', 'critical')
              .executeTakeFirstOrThrow()
          ).acknowledge_minutes,
        ).toBe(20);
        const raw = await restored.db
          .selectFrom('messages')
          .select('raw_sha256')
          .where('direction', '=', 'in')
          .where('raw_sha256', 'is not', null)
          .executeTakeFirstOrThrow();
        expect((await getBlob(restored.db, raw.raw_sha256!))?.equals((await getBlob(get().db, raw.raw_sha256!))!)).toBe(true);
      } finally {
        await restored.close();
      }
    });
  }

  it('refuses a non-empty target', async () => {
    await expect(restore(get(), file)).rejects.toThrow(/not empty/);
  });

  it.each([
    ['truncated', (raw: Buffer) => gzipSync(gunzipSync(raw).subarray(0, Math.floor(gunzipSync(raw).length * 0.7)))],
    ['cut gzip', (raw: Buffer) => raw.subarray(0, raw.length - 40)],
    ['altered', (raw: Buffer) => gzipSync(Buffer.from(gunzipSync(raw).toString().replace('Astrid Admin', 'Mallory Admin')))],
    ['not a backup', () => gzipSync(Buffer.from('{"hello":"world"}\n'))],
    ['not gzip', () => Buffer.from('plain text')],
  ])('refuses a %s file and writes nothing', async (_what, mangle) => {
    const bad = join(dir, 'bad.gz');
    writeFileSync(bad, mangle(readFileSync(file)));
    const target = await createTestDatabase(engine);
    try {
      await expect(restore(target, bad)).rejects.toThrow(
        /not a usable Vakt backup|not complete gzip|incorrect header check|unexpected end/,
      );
      expect(await target.db.selectFrom('users').select('id').execute()).toEqual([]);
      expect(await target.db.selectFrom('audit_log').select('seq').execute()).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
