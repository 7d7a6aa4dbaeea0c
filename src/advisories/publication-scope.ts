/**
 * A publication is checked before it is committed: the provider check reads the team's provider
 * as it will be with the new document. While that check runs, the provider's routes (and
 * security.txt) read through the publication's own transaction, so they see the candidate as if
 * it were committed; every other request, in its own async context, sees only what is committed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';

const scope = new AsyncLocalStorage<Kysely<Schema>>();

/** The database the provider reads: the publication's transaction while its check runs, else DB. */
export const providerDatabase = (db: Kysely<Schema>): Kysely<Schema> => scope.getStore() ?? db;

export const withinPublication = <T>(trx: Kysely<Schema>, run: () => Promise<T>): Promise<T> => scope.run(trx, run);
