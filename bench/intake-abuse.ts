/**
 * The issue's corpus, shaped like abuse reports from a hoster's or a honeypot's desk: 1,000
 * messages of 3.9 KB (the issue's: 3.5 KB), each a log excerpt of thirty lines naming some sixty
 * addresses, a tenth of them replies on an earlier report, into reports on each engine in a
 * process of its own, so each peak RSS is that engine's. RT's mail gateway takes 2.9 messages/s
 * on such mail; the goal here is 300 or more on each engine, peak RSS at most 300 MB.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestMail } from '../src/intake/ingest.js';
import { readMbox } from '../src/intake/mail-archive.js';
import { testSettings } from '../test/helpers/mail.js';
import { onEachEngineInOwnProcess, peakRss } from './engines.js';

const N = Number(process.env.BENCH_ABUSE_MESSAGES ?? 1_000);

function abuseReport(i: number): string {
  const lines = Array.from({ length: 30 }, (_, k) => {
    const at = new Date(Date.UTC(2026, 10, 16, 9, k, (i * 7 + k) % 60)).toISOString();
    return `${at} sshd[${1000 + k}]: Failed password for root from 203.0.${(i + k) % 256}.${(i * 3 + k * 7) % 256} port ${40000 + k} ssh2 -> 198.51.100.${k}`;
  });
  const reply = i % 10 === 9 ? [`In-Reply-To: <abuse-${i - 5}@hoster.example>`, `References: <abuse-${i - 5}@hoster.example>`] : [];
  return [
    'From abuse@hoster.example Mon Nov 16 10:00:00 2026',
    'From: Abuse desk <abuse@hoster.example>',
    'To: cert@team.test',
    `Subject: ${reply.length ? 'Re: ' : ''}[hoster.example #${100000 + i}] SSH brute force from 203.0.${i % 256}.0/24`,
    'Date: Mon, 16 Nov 2026 10:00:00 +0100',
    `Message-ID: <abuse-${i}@hoster.example>`,
    ...reply,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Dear abuse team,',
    '',
    `our honeypot saw brute-force logins from your network (case ${i}). Excerpt of the log, times in UTC:`,
    '',
    ...lines,
    '',
    'Please stop this activity. Kind regards, the abuse desk of hoster.example',
    '',
  ].join('\n');
}

await onEachEngineInOwnProcess(
  import.meta.url,
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vakt-bench-abuse-'));
    const messages = Array.from({ length: N }, (_, i) => abuseReport(i));
    const input = join(dir, 'abuse.mbox');
    await writeFile(input, messages.join('\n'));
    const bytes = Math.round(messages.reduce((n, m) => n + m.length, 0) / N);
    console.log(`generated ${N.toLocaleString('en')} abuse reports of ${bytes.toLocaleString('en')} bytes, a tenth replies`);
    return { input, cleanup: () => rm(dir, { recursive: true, force: true }) };
  },
  async (engine, database, input) => {
    const settings = testSettings({ autoAcknowledge: false });
    const memory = peakRss();
    const t0 = performance.now();
    const counts = { report: 0, reply: 0, filed: 0, duplicate: 0 };
    for await (const m of readMbox(input)) counts[(await ingestMail(database.db, settings, m.raw, 'bench')).kind]++;
    const rate = Math.round((N / (performance.now() - t0)) * 1000);
    const peak = memory.stop();
    const met = rate >= 300 && peak <= 300;
    console.log(
      `${`abuse reports into reports [${engine}]`.padEnd(56)} ${rate.toLocaleString('en').padStart(8)} messages/s  (${counts.report} reports, ${counts.reply} threaded replies, peak RSS ${peak} MB); goal 300 messages/s in 300 MB: ${met ? 'met' : 'NOT met'}`,
    );
  },
);
