/**
 * Logical backup and restore, the same for both engines: gzip'd JSON lines, one row a line,
 * between a header (format, migrations, row counts follow in the footer) and a footer with the
 * SHA-256 of every line before it. Because rows go out as JSON and come back through
 * json_populate_recordset, a backup from PGlite restores into PostgreSQL and back.
 * Sessions and queued jobs are not kept: a restore logs everyone out and starts with no jobs.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { VaktError } from '../core/errors.js';
import type { Database } from './database.js';
import type { Schema } from './schema.js';

const FORMAT = 'vakt-backup';
const VERSION = 1;
const BATCH = 500;

/**
 * Tables in restore order (parents before children) with the key to page by: a column, or for
 * tables keyed by several columns an expression of them. Blobs go a few at a time: one may be
 * tens of megabytes.
 */
interface TableSpec {
  name: keyof Schema;
  key: string;
  keyType: string;
  batch?: number;
}
const TABLES = [
  { name: 'organisations', key: 'id', keyType: 'uuid' },
  { name: 'users', key: 'id', keyType: 'uuid' },
  { name: 'api_tokens', key: 'id', keyType: 'uuid' },
  { name: 'team_profile', key: 'id', keyType: 'integer' },
  { name: 'audit_log', key: 'seq', keyType: 'bigint' },
  { name: 'job_runs', key: 'job_id', keyType: 'text' },
  { name: 'blobs', key: 'sha256', keyType: 'text', batch: 4 },
  { name: 'pgp_keys', key: 'fingerprint', keyType: 'text' },
  { name: 'mailboxes', key: 'id', keyType: 'uuid' },
  { name: 'incidents', key: 'id', keyType: 'bigint' },
  { name: 'reports', key: 'id', keyType: 'bigint' },
  { name: 'messages', key: 'id', keyType: 'uuid' },
  { name: 'attachments', key: 'id', keyType: 'uuid' },
  { name: 'report_indicators', key: "report_id::text || '/' || kind || '/' || value", keyType: 'text' },
  { name: 'triage_operations', key: 'id', keyType: 'uuid' },
  { name: 'incident_participants', key: 'id', keyType: 'uuid' },
  { name: 'incident_shares', key: "item_kind || '/' || item_id || '/' || participant_id::text", keyType: 'text' },
  { name: 'tasks', key: 'id', keyType: 'uuid' },
  { name: 'investigations', key: 'id', keyType: 'uuid' },
  { name: 'countermeasures', key: 'id', keyType: 'uuid' },
  { name: 'timeline_events', key: 'id', keyType: 'uuid' },
  { name: 'observables', key: 'id', keyType: 'uuid' },
  { name: 'assets', key: 'id', keyType: 'uuid' },
  { name: 'evidence', key: 'id', keyType: 'uuid' },
  { name: 'custody_entries', key: 'id', keyType: 'uuid' },
  { name: 'sla_policies', key: 'priority', keyType: 'text' },
  { name: 'debriefs', key: 'incident_id', keyType: 'bigint' },
  { name: 'peer_teams', key: 'id', keyType: 'uuid' },
  { name: 'directory_snapshots', key: 'id', keyType: 'uuid' },
  // The RIPE database is public data, re-imported from its dumps: it is not backed up.
  { name: 'org_netblocks', key: "organisation_id::text || '/' || prefix::text", keyType: 'text' },
  { name: 'org_asns', key: "organisation_id::text || '/' || asn::text", keyType: 'text' },
  { name: 'org_domains', key: "organisation_id::text || '/' || domain", keyType: 'text' },
  { name: 'org_contacts', key: 'id', keyType: 'uuid' },
  { name: 'constituency_state', key: 'id', keyType: 'integer' },
  { name: 'feeds', key: 'id', keyType: 'uuid' },
  { name: 'feed_runs', key: 'id', keyType: 'uuid' },
  { name: 'notifications', key: 'id', keyType: 'uuid' },
  { name: 'events', key: 'id', keyType: 'bigint', batch: 2000 },
  { name: 'feed_event_values', key: 'value || chr(1) || feed_id::text', keyType: 'text' },
  { name: 'run_organisations', key: "run_id::text || '/' || organisation_id::text", keyType: 'text' },
  { name: 'notification_feedback', key: 'id', keyType: 'uuid' },
  { name: 'incident_organisations', key: "incident_id::text || '/' || organisation_id::text", keyType: 'text' },
  { name: 'incident_notes', key: 'id', keyType: 'uuid' },
  { name: 'incident_watchers', key: "incident_id::text || '/' || user_id::text", keyType: 'text' },
  { name: 'incident_templates', key: 'id', keyType: 'uuid' },
  { name: 'saved_views', key: 'id', keyType: 'uuid' },
  { name: 'report_feedback', key: "report_id::text || '/' || user_id::text", keyType: 'text' },
  { name: 'egress_decisions', key: 'id', keyType: 'bigint' },
  { name: 'retention_state', key: 'id', keyType: 'integer' },
  { name: 'products', key: 'id', keyType: 'uuid' },
  { name: 'authored_advisories', key: 'id', keyType: 'uuid' },
  // A CSAF document may run to megabytes: a few at a time, as blobs.
  { name: 'advisories', key: 'id', keyType: 'uuid', batch: 4 },
  { name: 'advisory_recipients', key: 'id', keyType: 'uuid' },
  { name: 'advisory_answers', key: 'id', keyType: 'uuid' },
  { name: 'shared_objects', key: 'id || chr(1) || modified', keyType: 'text' },
  { name: 'shared_object_indicators', key: 'value || chr(1) || kind || chr(1) || object_id', keyType: 'text' },
  { name: 'taxii_collections', key: 'id', keyType: 'uuid' },
  { name: 'taxii_objects', key: 'seq', keyType: 'bigint' },
  { name: 'taxii_status', key: 'id', keyType: 'uuid' },
  { name: 'taxii_sources', key: 'id', keyType: 'uuid' },
  // After the collections: a profile names the collection its peer reads.
  { name: 'sharing_profiles', key: 'peer_team_id', keyType: 'uuid' },
  { name: 'peer_shares', key: "peer_team_id::text || '/' || incident_id::text", keyType: 'text' },
  { name: 'peer_share_items', key: "peer_team_id::text || '/' || incident_id::text || '/' || stix_id", keyType: 'text' },
  { name: 'warninglist_entries', key: 'value || chr(1) || kind || chr(1) || list', keyType: 'text' },
  // Aggregators first: a provider's `via` names the aggregator that listed it.
  { name: 'csaf_subscriptions', key: "(case kind when 'aggregator' then '0' else '1' end) || id::text", keyType: 'text' },
  { name: 'relay_notices', key: 'id', keyType: 'uuid' },
] as const satisfies readonly TableSpec[];
/** Tables a backup leaves out: public data re-imported from its source, and what only lives for a session. */
export const NOT_BACKED_UP: readonly string[] = [
  'ripe_ranges',
  'ripe_asns',
  'ripe_contacts',
  'ripe_imports',
  'sessions',
  'login_throttle',
  // Counted again from the incidents: their trigger notes every restored day.
  'kpi_changes',
  'kpi_days',
  'kpi_months',
  'kpi_day_states',
  'kpi_month_states',
  'kpi_open_steps',
];
/** Rows seeded by a migration, replaced by the backup's own. */
const SEEDED: readonly TableName[] = ['sla_policies', 'directory_snapshots', 'constituency_state', 'retention_state'];
/** Flush a restore batch at this many bytes of JSON, whatever the row count. */
const RESTORE_BATCH_BYTES = 16 * 1024 * 1024;
type TableName = (typeof TABLES)[number]['name'];

interface Header {
  format: string;
  version: number;
  createdAt: string;
  engine: string;
  migrations: string[];
}
interface Footer {
  end: true;
  counts: Record<string, number>;
  sha256: string;
}

/** Columns a row can be inserted with: generated ones (full-text vectors) are computed again. */
async function storedColumns(db: Kysely<Schema>, table: string): Promise<string[]> {
  const result = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
    order by ordinal_position`.execute(db);
  return result.rows.map((r) => r.column_name);
}

async function appliedMigrations(db: Kysely<Schema>): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from vakt_migrations order by name`.execute(db);
  return result.rows.map((r) => r.name);
}

/** Organisations reference their parent: emit them parents first. */
async function* organisationRows(db: Kysely<Schema>): AsyncGenerator<string> {
  const result = await sql<{ j: string }>`
    with recursive tree as (
      select o.*, 0 as depth from organisations o where parent_id is null
      union all
      select o.*, t.depth + 1 from organisations o join tree t on o.parent_id = t.id
    )
    select row_to_json(o)::text as j from organisations o join tree t on t.id = o.id order by t.depth, o.id`.execute(db);
  for (const row of result.rows) yield row.j;
}

async function* tableRows(db: Kysely<Schema>, spec: TableSpec): AsyncGenerator<string> {
  const { name: table, key, keyType } = spec;
  const limit = spec.batch ?? BATCH;
  if (table === 'organisations') {
    yield* organisationRows(db);
    return;
  }
  let after: string | null = null;
  for (;;) {
    const page: { rows: Array<{ j: string; k: string }> } = await sql<{ j: string; k: string }>`
      select (to_jsonb(t) - 'search')::text as j, (${sql.raw(key)})::text as k from ${sql.table(table)} t
      where ${after === null ? sql`true` : sql`(${sql.raw(key)}) > cast(${after} as ${sql.raw(keyType)})`}
      order by ${sql.raw(key)} limit ${limit}`.execute(db);
    for (const row of page.rows) yield row.j;
    if (page.rows.length < limit) return;
    after = page.rows[page.rows.length - 1]!.k;
  }
}

export interface BackupReport {
  counts: Record<string, number>;
}

export async function backup(database: Database, file: string, onTable?: (table: string, rows: number) => void): Promise<BackupReport> {
  const { db } = database;
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  async function* lines(): AsyncGenerator<string> {
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      engine: database.engine,
      migrations: await appliedMigrations(db),
    };
    const first = `${JSON.stringify(header)}\n`;
    hash.update(first);
    yield first;
    for (const table of TABLES) {
      const name = table.name;
      counts[name] = 0;
      for await (const row of tableRows(db, table)) {
        const line = `{"t":${JSON.stringify(name)},"r":${row}}\n`;
        hash.update(line);
        counts[name]++;
        yield line;
      }
      onTable?.(name, counts[name]);
    }
    const footer: Footer = { end: true, counts, sha256: hash.digest('hex') };
    yield `${JSON.stringify(footer)}\n`;
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { counts };
}

function corrupt(why: string): VaktError {
  return new VaktError('validation', `not a usable Vakt backup: ${why}; nothing was restored`);
}

/**
 * Restores into a migrated, empty database, in one transaction: a truncated or altered file
 * changes nothing.
 */
export async function restore(database: Database, file: string, onTable?: (table: string, rows: number) => void): Promise<BackupReport> {
  const { db } = database;
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const profile = await db.selectFrom('team_profile').select('id').limit(1).executeTakeFirst();
  if (existing || profile)
    throw new VaktError('conflict', 'the target database is not empty; restore into a new database (or a new VAKT_DATA_DIR)');
  const migrations = await appliedMigrations(db);
  // The file is opened inside the transaction, right before it is read: a gzip error then
  // arrives while reading and rejects the loop, instead of landing before anyone listens.
  let input: ReturnType<typeof createGunzip> | undefined;
  let reader: ReturnType<typeof createInterface> | undefined;
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let header: Header | undefined;
  let footer: Footer | undefined;

  try {
    await db.transaction().execute(async (trx) => {
      // A migration seeds the shipped warninglists; the backup holds the team's own, which replace them.
      await trx.deleteFrom('warninglist_entries').execute();
      let batch: unknown[] = [];
      let batchBytes = 0;
      let batchTable: TableName | undefined;
      const flush = async () => {
        if (!batchTable || batch.length === 0) return;
        const columns = sql.join((await storedColumns(trx, batchTable)).map((c) => sql.ref(c)));
        await sql`insert into ${sql.table(batchTable)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(batchTable)}, ${JSON.stringify(batch)}::json)`.execute(
          trx,
        );
        counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
        batch = [];
        batchBytes = 0;
      };
      input = createReadStream(file).pipe(createGunzip());
      reader = createInterface({ input, crlfDelay: Infinity });
      for await (const line of reader) {
        if (footer) throw corrupt('data after the end marker');
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw corrupt(`line ${Object.values(counts).reduce((a, b) => a + b, 0) + 2} is not JSON`);
        }
        if (!header) {
          if (parsed.format !== FORMAT || parsed.version !== VERSION) throw corrupt('unknown format');
          header = parsed as unknown as Header;
          if (JSON.stringify(header.migrations) !== JSON.stringify(migrations)) {
            throw new VaktError(
              'conflict',
              `the backup was made at schema ${header.migrations.at(-1)}, this database is at ${migrations.at(-1)}; use the Vakt version that made it`,
            );
          }
          hash.update(`${line}\n`);
          for (const table of SEEDED) await trx.deleteFrom(table).execute();
          continue;
        }
        if (parsed.end === true) {
          await flush();
          footer = parsed as unknown as Footer;
          if (footer.sha256 !== hash.digest('hex')) throw corrupt('checksum mismatch');
          if (JSON.stringify(footer.counts) !== JSON.stringify(Object.fromEntries(TABLES.map((t) => [t.name, counts[t.name] ?? 0]))))
            throw corrupt('row counts differ');
          continue;
        }
        const table = TABLES.find((t) => t.name === parsed.t)?.name;
        if (!table || typeof parsed.r !== 'object') throw corrupt(`unknown table ${String(parsed.t).slice(0, 40)}`);
        hash.update(`${line}\n`);
        if (table !== batchTable) {
          await flush();
          if (batchTable) onTable?.(batchTable, counts[batchTable] ?? 0);
          batchTable = table;
        }
        batch.push(parsed.r);
        batchBytes += line.length;
        if (batch.length >= BATCH || batchBytes >= RESTORE_BATCH_BYTES) await flush();
      }
      if (!footer) throw corrupt('the file ends early (no end marker)');
      await sql`select setval('ticket_seq', greatest((select coalesce(max(id), 0) from reports), (select coalesce(max(id), 0) from incidents), 1))`.execute(
        trx,
      );
      await sql`select setval('events_id_seq', greatest((select coalesce(max(id), 0) from events), 1))`.execute(trx);
      await sql`select setval('egress_decisions_id_seq', greatest((select coalesce(max(id), 0) from egress_decisions), 1))`.execute(trx);
      await sql`select setval('taxii_objects_seq_seq', greatest((select coalesce(max(seq), 0) from taxii_objects), 1))`.execute(trx);
      if (batchTable) onTable?.(batchTable, counts[batchTable] ?? 0);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || (error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR')
      throw corrupt('the file is not complete gzip');
    throw error;
  } finally {
    reader?.close();
    input?.destroy();
  }
  return { counts };
}
