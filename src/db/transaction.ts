/** Transactions that may be dry runs. */
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.js';

class Rollback extends Error {}

/**
 * Runs `body` in a transaction; a dry run takes exactly the same path and is rolled back at the
 * end, so what it reports is what a real run would have done, and nothing is kept.
 */
export async function transactionOrDryRun<T>(
  db: Kysely<Schema>,
  dryRun: boolean,
  body: (trx: Transaction<Schema>) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      result = await body(trx);
      if (dryRun) throw new Rollback();
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return result as T;
    throw error;
  }
}
