/**
 * Warninglists: indicator values known to be benign (public resolvers, everyday domains). A value
 * on one is flagged wherever it is looked up and is never used to link reports and incidents —
 * otherwise every report that mentions 8.8.8.8 would be "related". The team edits the lists.
 */
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, notFound } from '../core/errors.js';
import { StringEnum, strict } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { INDICATOR_KINDS, extractIndicators } from '../intake/indicators.js';

export const WarninglistEntry = Type.Object(
  {
    list: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,59}$' }),
    kind: StringEnum(INDICATOR_KINDS),
    value: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  strict,
);
export type WarninglistEntry = Static<typeof WarninglistEntry>;

/** The lists VALUE is on (empty: none). */
export async function warninglistsOf(db: Kysely<Schema>, value: string): Promise<string[]> {
  const rows = await db.selectFrom('warninglist_entries').select('list').distinct().where('value', '=', value).orderBy('list').execute();
  return rows.map((r) => r.list);
}

const normalisedEntry = (entry: WarninglistEntry): WarninglistEntry => {
  const found = extractIndicators(entry.value).find((i) => i.kind === entry.kind);
  if (!found) throw new ValidationError([{ field: 'value', reason: `"${entry.value.slice(0, 60)}" is not a valid ${entry.kind}` }]);
  return { ...entry, value: found.value };
};

export async function addWarninglistEntry(db: Kysely<Schema>, actor: string, input: WarninglistEntry): Promise<WarninglistEntry> {
  const entry = normalisedEntry(input);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('warninglist_entries')
      .values({ ...entry, added_by: actor })
      .onConflict((oc) => oc.columns(['value', 'kind', 'list']).doNothing())
      .execute();
    await appendAudit(trx, { actor, action: 'warninglist.add', objectType: 'warninglist', objectId: entry.list, after: entry });
  });
  return entry;
}

export async function removeWarninglistEntry(db: Kysely<Schema>, actor: string, input: WarninglistEntry): Promise<void> {
  const entry = normalisedEntry(input);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('warninglist_entries')
      .where('value', '=', entry.value)
      .where('kind', '=', entry.kind)
      .where('list', '=', entry.list)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('warninglist entry');
    await appendAudit(trx, { actor, action: 'warninglist.remove', objectType: 'warninglist', objectId: entry.list, before: entry });
  });
}
