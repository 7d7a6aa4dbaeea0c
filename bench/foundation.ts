/**
 * Foundation benchmarks: the TLP core (every mail, export and API response passes through it),
 * the business-hours clock (every SLA timer) and audit appends (every change) on both engines.
 * Each figure is printed; where a simpler way exists it runs in the same process as a baseline.
 * Run: npm run bench foundation   (set VAKT_TEST_DATABASE_URL to include PostgreSQL)
 */
import { performance } from 'node:perf_hooks';
import { appendAudit } from '../src/audit/audit-log.js';
import { BusinessClock } from '../src/core/business-hours.js';
import { findTlp, mayReceive, type TlpLabel } from '../src/core/tlp.js';
import { migrate, openDatabase } from '../src/db/database.js';
import { createScratchDatabase } from '../test/helpers/postgres.js';

function rate(label: string, n: number, ms: number, unit = 'ops'): number {
  const perSecond = (n / ms) * 1000;
  console.log(
    `${label.padEnd(52)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} ${unit}/s  (${n.toLocaleString('en')} in ${ms.toFixed(0)} ms)`,
  );
  return perSecond;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// A 4 KB report body with the label near the end, as forwarded reports often have it.
const body = `${'Hello CERT, we observed scanning from 192.0.2.10 against our mail gateway. '.repeat(50)}\nClassification: TLP:AMBER+STRICT\n`;
const N = 20_000;
let sink = 0;
const tFind = time(() => {
  for (let i = 0; i < N; i++) if (findTlp(body).kind === 'label') sink++;
});
const tNaive = time(() => {
  for (let i = 0; i < N; i++) if (body.toUpperCase().includes('TLP:AMBER+STRICT')) sink++;
});
const found = rate('findTlp on a 4 KB body', N, tFind);
const naive = rate('  baseline: upper-case + includes of one label', N, tNaive);
console.log(`  findTlp runs at ${((found / naive) * 100).toFixed(0)}% of the one-label baseline while reading every label form`);

const labels: TlpLabel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const M = 1_000_000;
const tMay = time(() => {
  for (let i = 0; i < M; i++) {
    if (
      mayReceive(
        { tlp: labels[i % 5]!, ownerOrganisationId: 'a', namedIndividuals: ['p1'] },
        { relation: 'client', organisationId: i % 3 === 0 ? 'a' : 'b', individualId: 'p2' },
      ).allowed
    )
      sink++;
  }
});
rate('mayReceive decisions', M, tMay);

const clock = new BusinessClock({
  timeZone: 'Europe/Stockholm',
  hours: {
    monday: [{ start: '08:00', end: '16:45' }],
    tuesday: [{ start: '08:00', end: '16:45' }],
    wednesday: [{ start: '08:00', end: '16:45' }],
    thursday: [{ start: '08:00', end: '16:45' }],
    friday: [{ start: '08:00', end: '16:15' }],
    saturday: [],
    sunday: [],
  },
  holidays: { country: 'SE', closedOn: ['public', 'bank'] },
});
const K = 20_000;
const start = Date.parse('2026-06-01T10:00:00Z');
const tAdd = time(() => {
  for (let i = 0; i < K; i++) sink += clock.addWorkingMinutes(new Date(start + i * 997_000), 4 * 60).getTime() % 2;
});
rate('addWorkingMinutes(4 h) across a year of starts', K, tAdd);
const tBetween = time(() => {
  for (let i = 0; i < K; i++)
    sink += clock.workingMinutesBetween(new Date(start + i * 997_000), new Date(start + i * 997_000 + 14 * 86_400_000)) % 2;
});
rate('workingMinutesBetween over two weeks', K, tBetween);

async function auditBench(name: string, options: Parameters<typeof openDatabase>[0]): Promise<void> {
  const database = await openDatabase(options);
  await migrate(database);
  const A = 2_000;
  const t0 = performance.now();
  for (let i = 0; i < A; i += 100) {
    await database.db.transaction().execute(async (trx) => {
      for (let j = 0; j < 100; j++)
        await appendAudit(trx, {
          actor: 'bench',
          action: 'thing.update',
          objectType: 'thing',
          objectId: String(i + j),
          after: { i: i + j },
        });
    });
  }
  rate(`audit appends, 100 per transaction [${name}]`, A, performance.now() - t0, 'entries');
  await database.close();
}

await auditBench('pglite', {});
const url = process.env.VAKT_TEST_DATABASE_URL;
if (url) {
  const scratch = await createScratchDatabase(url);
  try {
    await auditBench('postgres', { url: scratch.url });
  } finally {
    await scratch.drop();
  }
} else {
  console.log('(set VAKT_TEST_DATABASE_URL to measure PostgreSQL too)');
}
if (sink < 0) console.log(sink);
