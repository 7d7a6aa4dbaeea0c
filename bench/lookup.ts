/**
 * Constituency lookups: 1,000,000 random IPv4/IPv6 addresses against 100,000 prefixes in the
 * in-memory prefix tree, as numbers (what the feed pipeline does after parsing) and as text
 * (parse, then look up). Baseline in the same process: a linear scan over the same prefixes, as
 * a table scan without the tree would do. Target: ≥ 1,000,000 lookups/s.
 */
import { performance } from 'node:perf_hooks';
import { contains, formatAddress, parseAddress, type Address, type Prefix } from '../src/constituency/ip.js';
import { PrefixTree } from '../src/constituency/prefix-tree.js';

const PREFIXES = Number(process.env.BENCH_PREFIXES ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1_000_000);

// A fixed seed: the same prefixes and addresses on every run.
let seed = 42;
/** mulberry32: every bit well mixed (a plain LCG's low bits repeat and would skew the prefixes). */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
};

const mask = (length: number) => (length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0);
function randomPrefix(): Prefix {
  if (random() % 5 === 0) {
    const length = 32 + (random() % 33);
    const words = [0x20010db8, random(), random(), 0].map((w, i) => (w & mask(Math.min(32, Math.max(0, length - i * 32)))) >>> 0);
    return { family: 6, words, length };
  }
  const length = 12 + (random() % 17);
  return { family: 4, words: [(random() & mask(length)) >>> 0], length };
}

const prefixes = Array.from({ length: PREFIXES }, randomPrefix);
const t0 = performance.now();
const tree = new PrefixTree<number>();
prefixes.forEach((p, i) => tree.insert(p, i));
console.log(
  `${PREFIXES.toLocaleString('en')} prefixes built into ${tree.nodes.toLocaleString('en')} nodes in ${(performance.now() - t0).toFixed(0)} ms`,
);

// Addresses as the pipeline holds them after parsing: a number for IPv4, four words for IPv6.
const addresses: Array<number | Address> = Array.from({ length: LOOKUPS }, (_, i) =>
  i % 5 === 0 ? { family: 6 as const, words: [0x20010db8, random(), random(), random()] } : random(),
);
const lookupAll = (): number => {
  let matched = 0;
  for (const a of addresses) if (typeof a === 'number' ? tree.longestV4(a) : tree.longest(a)) matched++;
  return matched;
};
lookupAll(); // warm-up: the JIT compiles the walk before it is timed
let start = performance.now();
const found = lookupAll();
const seconds = (performance.now() - start) / 1000;
const rate = LOOKUPS / seconds;
console.log(
  `prefix tree: ${LOOKUPS.toLocaleString('en')} lookups (20% IPv6) in ${seconds.toFixed(2)} s: ${Math.round(rate).toLocaleString('en')} lookups/s, ${found.toLocaleString('en')} matched (target ≥ 1,000,000/s: ${rate >= 1_000_000 ? 'met' : 'NOT met'})`,
);

const texts = addresses.slice(0, 200_000).map((a) => formatAddress(typeof a === 'number' ? { family: 4, words: [a] } : a));
start = performance.now();
for (const text of texts) {
  const address = parseAddress(text)!;
  tree.longest(address);
}
const textRate = texts.length / ((performance.now() - start) / 1000);
console.log(`from text (parse + look up): ${Math.round(textRate).toLocaleString('en')} lookups/s`);

const SCAN = 200;
start = performance.now();
for (let i = 1; i <= SCAN; i++) {
  const a = addresses[i]!;
  const address: Prefix = typeof a === 'number' ? { family: 4, words: [a], length: 32 } : { ...a, length: 128 };
  let best = -1;
  for (const p of prefixes) if (p.length > best && contains(p, address)) best = p.length;
}
const scanRate = SCAN / ((performance.now() - start) / 1000);
console.log(
  `baseline, linear scan of the prefixes: ${Math.round(scanRate).toLocaleString('en')} lookups/s; the tree is ${Math.round(rate / scanRate).toLocaleString('en')}× faster`,
);
