/**
 * ISO 3166-1 alpha-2 country codes and names (i18n-iso-countries), the zones of a country
 * (countries-and-timezones), and the codes withdrawn since older datasets were written.
 */
import ct from 'countries-and-timezones';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(english);

/**
 * Codes ISO 3166-3 has withdrawn but that historical inventories use: the 2005 co-operation
 * report still lists Serbia & Montenegro. Accepted in datasets and snapshots, not for new teams.
 */
const WITHDRAWN: Record<string, string> = { CS: 'Serbia and Montenegro', AN: 'Netherlands Antilles', YU: 'Yugoslavia' };

/** The "country" of a team of no single country (a regional or international team); its `region` says which. */
export const INTERNATIONAL = 'INT';

export function isCurrentCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** What a directory team's country may be: a current ISO code, or INT for no single country. */
export function isTeamCountry(code: string): boolean {
  return code === INTERNATIONAL || isCurrentCountry(code);
}

export function isKnownCountry(code: string): boolean {
  return isCurrentCountry(code) || code in WITHDRAWN;
}

export function countryName(code: string): string {
  if (code === INTERNATIONAL) return 'International';
  return WITHDRAWN[code] ?? countries.getName(code, 'en', { select: 'official' }) ?? code;
}

/** Every English name and alias of every country, lower-cased, longest first (so "United Kingdom" wins over "Kingdom"). */
const NAMES: ReadonlyArray<readonly [string, string]> = Object.entries(countries.getNames('en', { select: 'all' }))
  .flatMap(([code, names]) => (names as string[]).map((name) => [name.toLowerCase(), code] as const))
  .sort((a, b) => b[0].length - a[0].length);

/** The country named last in a text such as a postal address ("… 111 37 Stockholm, Sweden"). */
export function countryNamedIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  let best: { code: string; at: number } | undefined;
  for (const [name, code] of NAMES) {
    const pattern = new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'gu');
    for (const match of lower.matchAll(pattern)) {
      if (!best || match.index > best.at) best = { code, at: match.index };
    }
  }
  return best?.code;
}

/**
 * The IANA zone of a country, picked by its standard UTC offset when the country has several.
 * Prefers zones that belong to this country alone: Sweden is Europe/Stockholm, not the
 * Europe/Berlin that tzdb now links it to.
 */
export function zoneOfCountry(code: string, utcOffsetMinutes?: number): string | undefined {
  const zones = ct.getTimezonesForCountry(code, { deprecated: true }) ?? [];
  const fitting = zones.filter((zone) => utcOffsetMinutes === undefined || zone.utcOffset === utcOffsetMinutes);
  const own = fitting.filter((zone) => zone.countries.length === 1);
  const candidates = own.length > 0 ? own : fitting;
  return candidates.length === 1 ? candidates[0]?.name : undefined;
}
