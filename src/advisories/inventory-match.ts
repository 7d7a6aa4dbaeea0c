/**
 * Does an organisation run what an advisory concerns? Its product inventory holds CPE and purl
 * identifiers; an advisory's affected products carry them too. Two identifiers name the same
 * product when their kind and product part agree (CPE part, vendor and product; purl type,
 * namespace and name, compared as the specifications compare them); the versions (and a CPE's
 * update) must agree too unless either leaves one open, since "every version" concerns each one.
 * An affected product given as a range concerns an inventory entry whose version is in it.
 */
import { PackageURL } from 'packageurl-js';
import { rangeContains, type VersionRange } from './version-range.js';

export interface ProductKey {
  kind: 'cpe' | 'purl';
  product: string;
  /** Null: any version. */
  version: string | null;
  /** CPE's update field (a service pack, a cumulative update); null or absent: any. */
  update?: string | null;
  /** An affected product given as a range of versions (a `product_version_range` branch). */
  range?: VersionRange;
}

const ANY = new Set(['', '*', '-', 'ANY', 'NA']);
const unescapeCpe = (value: string) => value.replace(/\\(.)/g, '$1').toLowerCase();

/** A CPE 2.3 formatted string or a CPE 2.2 URI, read into its product and version; undefined when neither. */
function cpeKey(text: string): ProductKey | undefined {
  // A colon escaped with a backslash belongs to the value, not the separator.
  const fields = text.startsWith('cpe:2.3:')
    ? text.slice('cpe:2.3:'.length).split(/(?<!\\):/)
    : /^cpe:\/[aho]?(:|$)/i.test(text)
      ? text.slice('cpe:/'.length).split(':').map(decodeURIComponent)
      : undefined;
  if (!fields || fields.length < 3 || fields.slice(0, 3).some((f) => ANY.has(f))) return undefined;
  const [part, vendor, product, version = '*', update = '*'] = fields.map(unescapeCpe) as [string, string, string, string?, string?];
  const open = (value: string) => (ANY.has(value) || ANY.has(value.toUpperCase()) ? null : value);
  return { kind: 'cpe', product: `${part}:${vendor}:${product}`, version: open(version), update: open(update) };
}

function purlKey(text: string): ProductKey | undefined {
  try {
    const purl = PackageURL.fromString(text);
    // The purl specification lower-cases type always, namespace and name for most types; a match across case is the safer miss to avoid.
    const product = [purl.type, purl.namespace ?? '', purl.name].join('/').toLowerCase();
    return { kind: 'purl', product, version: purl.version ?? null };
  } catch {
    return undefined;
  }
}

export function productKeyOf(identifier: string): ProductKey | undefined {
  const text = identifier.trim();
  if (/^cpe:/i.test(text)) return cpeKey(text);
  if (text.startsWith('pkg:')) return purlKey(text);
  return undefined;
}

const agree = (a: string | null | undefined, b: string | null | undefined) => a == null || b == null || a === b;

/** One side's range holds the other's version; else both versions agree. */
function versionsAgree(a: ProductKey, b: ProductKey): boolean {
  if (a.range && b.version != null) return rangeContains(a.range, b.version);
  if (b.range && a.version != null) return rangeContains(b.range, a.version);
  return agree(a.version, b.version);
}

export function sameProduct(a: ProductKey, b: ProductKey): boolean {
  return a.kind === b.kind && a.product === b.product && versionsAgree(a, b) && agree(a.update, b.update);
}

/**
 * The constituency's inventories indexed by product: an advisory is matched by looking up its
 * affected products, not by comparing it with every organisation (10,000 advisories against
 * 10,000 inventories would be a hundred million comparisons).
 */
export class InventoryIndex {
  private readonly byProduct = new Map<string, Array<{ owner: string; entry: string; key: ProductKey }>>();

  add(owner: string, inventory: readonly string[]): void {
    for (const entry of inventory) {
      const key = productKeyOf(entry);
      if (!key) continue;
      const slot = `${key.kind}|${key.product}`;
      const list = this.byProduct.get(slot) ?? [];
      list.push({ owner, entry, key });
      this.byProduct.set(slot, list);
    }
  }

  /** Each owner whose inventory names one of AFFECTED, with the entries that do. */
  match(affected: readonly ProductKey[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const key of affected)
      for (const held of this.byProduct.get(`${key.kind}|${key.product}`) ?? [])
        if (sameProduct(held.key, key)) {
          const entries = found.get(held.owner) ?? [];
          if (!entries.includes(held.entry)) entries.push(held.entry);
          found.set(held.owner, entries);
        }
    return found;
  }
}
