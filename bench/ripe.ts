/**
 * RIPE import: a generated dump of 1,000,000 inetnum objects (gzip, as the RIPE NCC publishes
 * them, with the irt, role and organisation objects they refer to) through `vakt ripe import`'s
 * code: objects/s and peak RSS, each engine in its own process (BENCH_RIPE_OBJECTS=… to change).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGzip } from 'node:zlib';
import { importRipe } from '../src/ripe/import.js';
import { ripeForAddress } from '../src/ripe/lookup.js';
import { onEachEngineInOwnProcess, peakRss } from './engines.js';

const OBJECTS = Number(process.env.BENCH_RIPE_OBJECTS ?? 1_000_000);

async function writeDump(file: string, objects: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  await objects(write);
  gzip.end();
  await once(out, 'finish');
}

await onEachEngineInOwnProcess(
  import.meta.url,
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vakt-bench-ripe-'));
    await writeDump(join(dir, 'ripe.db.inetnum.gz'), async (write) => {
      await write('# generated for the benchmark\n\n');
      for (let i = 0; i < OBJECTS; i++) {
        const a = 16 + (i >> 16);
        const b = (i >> 8) & 255;
        const c = i & 255;
        const contact =
          i % 3 === 0
            ? `mnt-irt:        IRT-${i % 1000}\n`
            : i % 3 === 1
              ? `abuse-c:        AR${i % 1000}-RIPE\n`
              : `org:            ORG-${i % 1000}-RIPE\n`;
        await write(
          `inetnum:        ${a}.${b}.${c}.0 - ${a}.${b}.${c}.255\nnetname:        NET-${i}\ndescr:          Generated network ${i}\ncountry:        SE\n${contact}status:         ASSIGNED PA\nmnt-by:         BENCH-MNT\nsource:         RIPE # Filtered\n\n`,
        );
      }
    });
    await writeDump(join(dir, 'ripe.db.irt.gz'), async (write) => {
      for (let i = 0; i < 1000; i++)
        await write(
          `irt:            IRT-${i}\ne-mail:         irt${i}@example.net\nabuse-mailbox:  abuse${i}@irt.example.net\nsource:         RIPE\n\n`,
        );
    });
    await writeDump(join(dir, 'ripe.db.role.gz'), async (write) => {
      for (let i = 0; i < 1000; i++)
        await write(
          `role:           Abuse ${i}\nnic-hdl:        AR${i}-RIPE\nabuse-mailbox:  abuse${i}@role.example.net\nsource:         RIPE\n\n`,
        );
    });
    await writeDump(join(dir, 'ripe.db.organisation.gz'), async (write) => {
      for (let i = 0; i < 1000; i++)
        await write(`organisation:   ORG-${i}-RIPE\norg-name:       Org ${i}\nabuse-c:        AR${i}-RIPE\nsource:         RIPE\n\n`);
    });
    console.log(`generated ${OBJECTS.toLocaleString('en')} inetnum objects and 3,000 irt, role and organisation objects`);
    return { input: dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
  },
  async (engine, database, dir) => {
    const files = ['ripe.db.irt.gz', 'ripe.db.role.gz', 'ripe.db.organisation.gz', 'ripe.db.inetnum.gz'].map((f) => join(dir, f));
    const rss = peakRss();
    const start = performance.now();
    const report = await importRipe(database.db, 'bench', files);
    const seconds = (performance.now() - start) / 1000;
    const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
    console.log(
      `[${engine}] ${total.toLocaleString('en')} objects in ${seconds.toFixed(1)} s: ${Math.round(total / seconds).toLocaleString('en')} objects/s, peak RSS ${rss.stop()} MB`,
    );
    const lookups = 1000;
    const t0 = performance.now();
    for (let i = 0; i < lookups; i++) await ripeForAddress(database.db, `${16 + ((i * 37) % 15)}.${i & 255}.${(i * 7) & 255}.9`);
    console.log(
      `[${engine}] RIPE lookups after the import: ${Math.round(lookups / ((performance.now() - t0) / 1000)).toLocaleString('en')}/s (GiST index on the prefixes)`,
    );
  },
);
