/**
 * Mail intake: 10,000 messages (plain, multipart with an attachment, PGP-signed; a fifth of them
 * replies that must thread onto earlier reports) from an mbox into reports, with indicator
 * extraction and de-duplication, on each engine: messages/s and peak RSS. Baseline in the same
 * process: parsing alone, without the database. The issue's corpus of abuse reports is
 * `intake-abuse`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as openpgp from 'openpgp';
import { ingestMail } from '../src/intake/ingest.js';
import { readMbox } from '../src/intake/mail-archive.js';
import { parseMessage } from '../src/intake/mime.js';
import { storePublicKey } from '../src/mail/keys.js';
import { testSettings } from '../test/helpers/mail.js';
import { makeKey, memoryLookup } from '../test/helpers/pgp.js';
import { onEachEngine, peakRss } from './engines.js';

const N = Number(process.env.BENCH_MESSAGES ?? 10_000);
const reporter = await makeKey('Reporter', 'reporter@bench.test');

function message(i: number, body: string, headers: string[] = [], contentType = 'text/plain; charset=utf-8'): string {
  const replyTo = i % 5 === 4 ? [`In-Reply-To: <bench-${i - 3}@bench.test>`] : [];
  return [
    `From reporter@bench.test Mon Nov 16 10:00:00 2026`,
    'From: Reporter <reporter@bench.test>',
    'To: cert@team.test',
    `Subject: ${i % 5 === 4 ? 'Re: ' : ''}Scanning from 198.51.${i % 250}.${i % 200} (#${i})`,
    'Date: Mon, 16 Nov 2026 10:00:00 +0100',
    `Message-ID: <bench-${i}@bench.test>`,
    ...replyTo,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    ...headers,
    '',
    body.replace(/\r\n/g, '\n').replace(/^From /gm, '>From '),
    '',
  ].join('\n');
}

const started = performance.now();
const parts: string[] = [];
for (let i = 0; i < N; i++) {
  const text = `We observed RDP scanning (tcp/3389) from 198.51.${i % 250}.${i % 200} and hxxp://c2-${i % 97}[.]example/gate.\nHash ${(i * 7919).toString(16).padStart(64, 'a')}\nTLP:AMBER\n`;
  if (i % 4 === 1) {
    parts.push(
      message(
        i,
        `--b\n\n${text}\n--b\nContent-Type: text/csv; name="events.csv"\nContent-Disposition: attachment; filename="events.csv"\n\nip,port\n198.51.100.${i % 250},3389\n--b--`,
        [],
        'multipart/mixed; boundary="b"',
      ),
    );
  } else if (i % 4 === 2) {
    parts.push(
      message(i, await openpgp.sign({ message: await openpgp.createCleartextMessage({ text }), signingKeys: reporter.teamKey.privateKey })),
    );
  } else {
    parts.push(message(i, text));
  }
}
const dir = mkdtempSync(join(tmpdir(), 'vakt-bench-'));
const mbox = join(dir, 'bench.mbox');
writeFileSync(mbox, parts.join('\n'));
console.log(
  `generated ${N.toLocaleString('en')} messages (a quarter PGP-signed, a quarter with attachments, a fifth replies) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

let parsed = 0;
const parseStart = performance.now();
const lookup = memoryLookup([reporter.publicKey]);
for await (const m of readMbox(mbox)) {
  await parseMessage(m.raw, { lookup });
  parsed++;
}
const parseMs = performance.now() - parseStart;
console.log(
  `${'baseline: parse only (MIME, PGP verify), no database'.padEnd(56)} ${Math.round((parsed / parseMs) * 1000)
    .toLocaleString('en')
    .padStart(8)} messages/s`,
);

await onEachEngine(async (engine, database) => {
  await storePublicKey(database.db, 'bench', reporter.armoredPublic);
  const settings = testSettings({ autoAcknowledge: false });
  const memory = peakRss();
  const t0 = performance.now();
  const counts = { report: 0, reply: 0, filed: 0, duplicate: 0 };
  for await (const m of readMbox(mbox)) counts[(await ingestMail(database.db, settings, m.raw, 'bench')).kind]++;
  const ms = performance.now() - t0;
  const peak = memory.stop();
  console.log(
    `${`intake into reports [${engine}]`.padEnd(56)} ${Math.round((N / ms) * 1000)
      .toLocaleString('en')
      .padStart(
        8,
      )} messages/s  (${counts.report} reports, ${counts.reply} threaded replies, ${(ms / 1000).toFixed(1)} s, peak RSS ${peak} MB)`,
  );
  const t1 = performance.now();
  let duplicates = 0;
  for await (const m of readMbox(mbox)) if ((await ingestMail(database.db, settings, m.raw, 'bench')).kind === 'duplicate') duplicates++;
  console.log(
    `${`  re-run, all duplicates [${engine}]`.padEnd(56)} ${Math.round((N / (performance.now() - t1)) * 1000)
      .toLocaleString('en')
      .padStart(8)} messages/s  (${duplicates} duplicates)`,
  );
});
rmSync(dir, { recursive: true, force: true });
