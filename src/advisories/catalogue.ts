/**
 * The team's product catalogue: the vendors, products and versions its advisories name, with
 * their CPE and purl, written once and picked from again. An advisory's product tree is built
 * from these entries.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { PackageURL } from 'packageurl-js';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { afterKeyCursor, containing, keyPage } from '../core/cursor.js';
import { ValidationError, VaktError, type FieldIssue } from '../core/errors.js';
import { strict } from '../core/validate.js';
import type { ProductsTable, Schema } from '../db/schema.js';

/** CPE 2.2 or 2.3, as CSAF 2.0's schema accepts it (product_identification_helper.cpe). */
const CPE_PATTERN =
  '^(cpe:2\\.3:[aho\\*\\-](:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!"#\\$%&\'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\\*\\-]))(:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!"#\\$%&\'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){4})|([c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\\._\\-~%]*){0,6})$';

const Name = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '^\\S(.*\\S)?$' });

export const ProductInput = Type.Object(
  {
    vendor: Name(200),
    name: Name(200),
    version: Name(100),
    cpe: Type.Optional(Type.String({ maxLength: 500, pattern: CPE_PATTERN })),
    purl: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  strict,
);
export type ProductInput = Static<typeof ProductInput>;

export interface Product {
  id: string;
  vendor: string;
  name: string;
  version: string;
  cpe: string | null;
  purl: string | null;
}

const toProduct = (row: Selectable<ProductsTable>): Product => ({
  id: row.id,
  vendor: row.vendor,
  name: row.name,
  version: row.version,
  cpe: row.cpe,
  purl: row.purl,
});

/** A purl as its specification spells it; the schema's pattern alone admits "pkg:x/" with nothing valid after. */
function checkPurl(purl: string): FieldIssue[] {
  try {
    PackageURL.fromString(purl);
    return [];
  } catch (error) {
    return [{ field: 'purl', reason: `is not a package URL: ${(error as Error).message}` }];
  }
}

export async function createProduct(db: Kysely<Schema>, actor: string, input: ProductInput): Promise<Product> {
  const issues = input.purl ? checkPurl(input.purl) : [];
  if (issues.length > 0) throw new ValidationError(issues);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('products')
      .values({ ...input, cpe: input.cpe ?? null, purl: input.purl ?? null, created_by: actor })
      .onConflict((oc) => oc.columns(['vendor', 'name', 'version']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new VaktError('conflict', `${input.vendor} ${input.name} ${input.version} is in the catalogue already`);
    await appendAudit(trx, { actor, action: 'product.create', objectType: 'product', objectId: row.id, after: input });
    return toProduct(row);
  });
}

const ORDER_KEY = sql<string>`lower(vendor || ' ' || name || ' ' || version)`;

/** The catalogue in vendor, product and version order, a page at a time, found by words. */
export async function pageProducts(
  db: Kysely<Schema>,
  filter: { q?: string; after?: string; limit: number },
): Promise<{ products: Product[]; next: string | null }> {
  let query = db
    .selectFrom('products')
    .selectAll()
    .select(ORDER_KEY.as('sort_key'))
    .orderBy(ORDER_KEY)
    .orderBy('id')
    .limit(filter.limit + 1);
  if (filter.q) query = query.where(ORDER_KEY, 'like', containing(filter.q.toLowerCase()));
  if (filter.after) query = query.where(afterKeyCursor(filter.after, ORDER_KEY, 'id', false));
  const { page, next } = keyPage(await query.execute(), filter.limit, (row) => row.id);
  return { products: page.map(toProduct), next };
}

/** The products of these ids; an id the catalogue does not hold is named. */
export async function productsByIds(db: Kysely<Schema>, ids: readonly string[], field: string): Promise<Map<string, Product>> {
  const unique = [...new Set(ids)];
  const rows = unique.length > 0 ? await db.selectFrom('products').selectAll().where('id', 'in', unique).execute() : [];
  const found = new Map(rows.map((row) => [row.id, toProduct(row)]));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ValidationError([{ field, reason: `names products not in the catalogue: ${missing.join(', ')}` }]);
  return found;
}
