/**
 * `npm run bench [name…]`: every benchmark, or the named ones (foundation, intake, intake-abuse, search, lists, lookup, feed, ripe, login, advisories, sharing, cli, feed-shaped, incidents; `--seed-incidents N` runs incidents at N).
 * Set VAKT_TEST_DATABASE_URL to measure PostgreSQL beside the embedded database.
 */
const ALL = [
  'foundation',
  'intake',
  'intake-abuse',
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
  'incidents',
] as const;
const args = process.argv.slice(2).filter((a) => a !== '--');
// `--seed-incidents N`: the incidents benchmark, at N incidents.
const seed = args.indexOf('--seed-incidents');
if (seed >= 0) {
  const n = Number(args[seed + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error('--seed-incidents takes a number of incidents, such as 1000000');
    process.exit(2);
  }
  process.env.BENCH_INCIDENTS = String(n);
  args.splice(seed, 2);
  if (args.length === 0) args.push('incidents');
}
const wanted = args;
const unknown = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : ALL) {
  console.log(`\n== ${name} ==`);
  await import(`./${name}.js`);
}
