/**
 * Version ranges as vendors write them in a CSAF product tree (branches of category
 * `product_version_range`): the package-url `vers` notation (`vers:npm/>=1.0.0|<2.0.0`), or the
 * free text CSAF 2.0 also allows (`<= 4.2`, `prior to 2.4.50`, `all versions`). No maintained
 * JavaScript library reads `vers`, so it is read here after the specification's own algorithm.
 *
 * A range Vakt cannot read is kept as "not understood" and contains every version: a relayed
 * notice an analyst dismisses costs less than an organisation never told.
 */
import semver from 'semver';

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface Constraint {
  comparator: Comparator;
  version: string;
}

export interface VersionRange {
  /** The versioning scheme (`npm`, `maven`, `generic` …); free text is read as `generic`. */
  scheme: string;
  /** '*': every version. */
  constraints: Constraint[] | '*';
  /** False when the text was neither `vers` nor a form of free text Vakt reads. */
  understood: boolean;
}

const MAX_RANGE_CHARS = 4096;
const MAX_CONSTRAINTS = 100;
const EVERY: VersionRange = { scheme: 'generic', constraints: '*', understood: true };
const UNKNOWN: VersionRange = { scheme: 'generic', constraints: '*', understood: false };

const CONSTRAINT = /^(!=|<=|>=|<|>|=)?(.+)$/;

function parseVers(text: string): VersionRange {
  const match = /^vers:([a-z0-9.+-]+)\/(.+)$/i.exec(text.replace(/\s+/g, ''));
  if (!match) return UNKNOWN;
  const scheme = match[1]!.toLowerCase();
  if (match[2] === '*') return { ...EVERY, scheme };
  const parts = match[2]!.split('|');
  if (parts.length > MAX_CONSTRAINTS) return UNKNOWN;
  const constraints: Constraint[] = [];
  for (const part of parts) {
    const [, comparator = '=', raw = ''] = CONSTRAINT.exec(part) ?? [];
    let version: string;
    try {
      version = decodeURIComponent(raw);
    } catch {
      return UNKNOWN;
    }
    if (!version || version === '*' || /[<>=!|]/.test(version)) return UNKNOWN;
    constraints.push({ comparator: comparator as Comparator, version });
  }
  return { scheme, constraints, understood: true };
}

const VERSION = String.raw`v?(\d[\w.+~-]*)`;
/** The free-text forms vendors use, each as the constraints it means. */
const PHRASES: Array<[RegExp, (a: string, b?: string) => Constraint[]]> = [
  [new RegExp(`^(?:prior to|before|earlier than|older than|below)\\s+${VERSION}$`, 'i'), (a) => [{ comparator: '<', version: a }]],
  [new RegExp(`^(?:up to(?: and including)?|through|until)\\s+${VERSION}$`, 'i'), (a) => [{ comparator: '<=', version: a }]],
  [new RegExp(`^${VERSION}\\s+(?:and|or)\\s+(?:later|above|newer|higher|greater)$`, 'i'), (a) => [{ comparator: '>=', version: a }]],
  [new RegExp(`^(?:from|since)\\s+${VERSION}$`, 'i'), (a) => [{ comparator: '>=', version: a }]],
  [
    new RegExp(`^${VERSION}\\s*(?:-|–|to|through)\\s*${VERSION}$`, 'i'),
    (a, b) => [
      { comparator: '>=', version: a },
      { comparator: '<=', version: b! },
    ],
  ],
];

/** `<= 4.2`, `>=1.0, <2.0`, `>1.0 and <2.0`: comparators each followed by a version. */
function parseComparators(text: string): Constraint[] | undefined {
  const pieces = text.split(/\s*(?:,|;|\|\||\||\band\b|&&)\s*|\s+(?=[<>=!])/i).filter(Boolean);
  const constraints: Constraint[] = [];
  for (const piece of pieces) {
    const match = /^(!=|<=|>=|<|>|==?)\s*v?(\d[\w.+~-]*)$/i.exec(piece.trim());
    if (!match) return undefined;
    constraints.push({ comparator: (match[1] === '==' ? '=' : match[1]) as Comparator, version: match[2]! });
  }
  return constraints.length > 0 ? constraints : undefined;
}

export function parseVersionRange(input: string): VersionRange {
  const text = input.trim();
  if (!text || text.length > MAX_RANGE_CHARS) return UNKNOWN;
  if (/^vers:/i.test(text)) return parseVers(text);
  if (/^(?:\*|all|all versions|any|any version)$/i.test(text)) return EVERY;
  for (const [pattern, constraints] of PHRASES) {
    const match = pattern.exec(text);
    if (match) return { scheme: 'generic', constraints: constraints(match[1]!, match[2]), understood: true };
  }
  const constraints = parseComparators(text);
  return constraints ? { scheme: 'generic', constraints, understood: true } : UNKNOWN;
}

/** Digits and letters in turn: 1.10rc2 is [1, 10, "rc", 2]. */
const tokens = (version: string) => version.toLowerCase().match(/\d+|[a-z]+|~/g) ?? [];

/**
 * A comparison that fits most schemes: numbers as numbers, words as words, and a word (or `~`)
 * where the other version has ended marks a pre-release, which comes before the release.
 */
function compareGeneric(a: string, b: string): number {
  const [x, y] = [tokens(a), tokens(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i], y[i]];
    if (p === undefined) return /^\d/.test(q!) ? -1 : 1;
    if (q === undefined) return /^\d/.test(p) ? 1 : -1;
    if (p === q) continue;
    const [pn, qn] = [/^\d/.test(p), /^\d/.test(q)];
    if (pn && qn) {
      // As numbers of any length: 10 after 9, and 007 the same as 7.
      const [pv, qv] = [p.replace(/^0+(?=\d)/, ''), q.replace(/^0+(?=\d)/, '')];
      if (pv === qv) continue;
      return pv.length !== qv.length ? Math.sign(pv.length - qv.length) : pv < qv ? -1 : 1;
    }
    if (pn !== qn) return pn ? 1 : -1;
    if (p === '~' || q === '~') return p === '~' ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

export function compareVersions(scheme: string, a: string, b: string): number {
  if (scheme === 'npm' || scheme === 'semver') {
    const [x, y] = [semver.valid(a, { loose: true }), semver.valid(b, { loose: true })];
    if (x && y) return semver.compare(x, y);
  }
  return compareGeneric(a, b);
}

const holds = (order: number, comparator: Comparator) =>
  comparator === '<' ? order < 0 : comparator === '<=' ? order <= 0 : comparator === '>' ? order > 0 : order >= 0;

/** The containment algorithm of the `vers` specification; constraints a vendor left unsorted are sorted first. */
export function rangeContains(range: VersionRange, version: string): boolean {
  if (range.constraints === '*') return true;
  const compare = (a: string, b: string) => compareVersions(range.scheme, a, b);
  for (const c of range.constraints)
    if ((c.comparator === '=' || c.comparator === '!=') && compare(version, c.version) === 0) return c.comparator === '=';
  const bounds = range.constraints
    .filter((c) => c.comparator !== '=' && c.comparator !== '!=')
    .sort((a, b) => compare(a.version, b.version));
  const upper = (c: Constraint) => c.comparator === '<' || c.comparator === '<=';
  for (const [i, current] of bounds.entries()) {
    const order = compare(version, current.version);
    if (i === 0 && upper(current) && holds(order, current.comparator)) return true;
    if (i === bounds.length - 1 && !upper(current) && holds(order, current.comparator)) return true;
    const next = bounds[i + 1];
    if (
      next &&
      !upper(current) &&
      upper(next) &&
      holds(order, current.comparator) &&
      holds(compare(version, next.version), next.comparator)
    )
      return true;
  }
  return false;
}
