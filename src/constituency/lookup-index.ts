/**
 * The constituency's lookup index, in memory: a prefix tree of netblocks, a map of domains and
 * one of AS numbers, each naming the owning organisations. It is built on first use and rebuilt
 * when the constituency generation in the database moves (any process's change bumps it), so a
 * `vakt serve` and a `vakt worker` both see a change without restarting.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { parsePrefix, type Address, type Prefix } from './ip.js';
import { PrefixTree } from './prefix-tree.js';

export interface Owner {
  organisationId: string;
  /** What matched: a prefix, a domain or "AS64500". */
  matched: string;
}

export class ConstituencyIndex {
  readonly tree = new PrefixTree<Owner>();
  readonly domains = new Map<string, Owner[]>();
  readonly asns = new Map<number, Owner[]>();
  readonly names = new Map<string, string>();

  constructor(readonly generation: string) {}

  private static add<K>(map: Map<K, Owner[]>, key: K, owner: Owner): void {
    const list = map.get(key);
    if (list) list.push(owner);
    else map.set(key, [owner]);
  }

  static async load(db: Kysely<Schema>): Promise<ConstituencyIndex> {
    const state = await db.selectFrom('constituency_state').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
    const index = new ConstituencyIndex(String(state.generation));
    const [orgs, netblocks, domains, asns] = await Promise.all([
      db.selectFrom('organisations').select(['id', 'name']).execute(),
      db.selectFrom('org_netblocks').select(['organisation_id', 'prefix']).execute(),
      db.selectFrom('org_domains').select(['organisation_id', 'domain']).execute(),
      db.selectFrom('org_asns').select(['organisation_id', 'asn']).execute(),
    ]);
    for (const org of orgs) index.names.set(org.id, org.name);
    for (const block of netblocks) {
      const parsed = parsePrefix(block.prefix);
      if (parsed.ok) index.tree.insert(parsed.prefix, { organisationId: block.organisation_id, matched: block.prefix });
    }
    for (const d of domains) ConstituencyIndex.add(index.domains, d.domain, { organisationId: d.organisation_id, matched: d.domain });
    for (const a of asns) ConstituencyIndex.add(index.asns, Number(a.asn), { organisationId: a.organisation_id, matched: `AS${a.asn}` });
    return index;
  }

  /** The owners of the most specific netblock containing the address or prefix. */
  ownersOf(target: Address | Prefix): Owner[] | undefined {
    return this.tree.longest(target);
  }

  /** Every netblock containing the target, least specific first (overlaps are allowed and shown). */
  allMatches(target: Address | Prefix): Owner[] {
    return this.tree.matches(target).flatMap((m) => m.values);
  }

  /** The owners of the longest registered suffix: "www.stockholm.se" finds "stockholm.se". */
  ownersOfDomain(domain: string): Owner[] | undefined {
    for (let name = domain; ;) {
      const owners = this.domains.get(name);
      if (owners) return owners;
      const dot = name.indexOf('.');
      if (dot < 0) return undefined;
      name = name.slice(dot + 1);
    }
  }

  ownersOfAsn(asn: number): Owner[] | undefined {
    return this.asns.get(asn);
  }
}

const cache = new WeakMap<Kysely<Schema>, ConstituencyIndex>();
const loading = new WeakMap<Kysely<Schema>, Promise<ConstituencyIndex>>();

/** The current index for this database: one query to check the generation, a rebuild if it moved. */
export async function constituencyIndex(db: Kysely<Schema>): Promise<ConstituencyIndex> {
  const state = await db.selectFrom('constituency_state').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
  const cached = cache.get(db);
  if (cached && cached.generation === String(state.generation)) return cached;
  let pending = loading.get(db);
  if (!pending) {
    pending = ConstituencyIndex.load(db).finally(() => loading.delete(db));
    loading.set(db, pending);
  }
  const index = await pending;
  cache.set(db, index);
  return index;
}
