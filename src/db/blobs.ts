/** Content-addressed storage: a file is stored once, by its SHA-256, whatever refers to it. */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.js';

export function sha256Hex(data: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function putBlob(trx: Transaction<Schema> | Kysely<Schema>, content: Buffer): Promise<string> {
  const sha256 = sha256Hex(content);
  await trx
    .insertInto('blobs')
    .values({ sha256, size: content.length, content })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

export async function getBlob(db: Kysely<Schema>, sha256: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('blobs').select('content').where('sha256', '=', sha256).executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}
