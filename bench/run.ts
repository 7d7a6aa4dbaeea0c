/**
 * `npm run bench [name…]`: every benchmark, or the named ones (foundation, intake, search, lists, lookup, feed, ripe, login, advisories, sharing, cli, feed-shaped).
 * Set VAKT_TEST_DATABASE_URL to measure PostgreSQL beside the embedded database.
 */
const ALL = [
  'foundation',
  'intake',
  'search',
  'lists',
  'lookup',
  'feed',
  'ripe',
  'login',
  'advisories',
  'sharing',
  'cli',
  'feed-shaped',
] as const;
const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : ALL) {
  console.log(`\n== ${name} ==`);
  await import(`./${name}.js`);
}
