/**
 * `vakt advisories validate|import`: a CSAF 2.0 document checked locally, the schema and every test
 * of the standard, and kept whole in Vakt.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { getAdvisory, importAdvisory, pageAdvisories, vulnerabilitiesOf } from '../../advisories/advisories.js';
import { checkProvider, type ProviderCheck } from '../../advisories/check-provider.js';
import { publishAuthored } from '../../advisories/publish.js';
import { runSubscription, subscribe } from '../../advisories/subscriptions.js';
import { AUDIENCES, type Audience } from '../../advisories/notify.js';
import { publicUrlOf } from '../../advisories/provider-layout.js';
import { requireProfile } from '../../profile/service.js';
import { intakeSettings } from '../../intake/settings.js';
import { loadConfig } from '../../config.js';
import { loadTeamKeyFile } from '../../mail/pgp.js';
import { CSAF_MAX_BYTES, validateCsaf, type CsafValidation } from '../../advisories/validate-csaf.js';
import { readSource } from '../read-source.js';
import { action, actorFromCli, EXIT_ERROR, progressBar, UsageError, withDatabase } from '../run.js';
import { summary } from './catalogue.js';

function print(file: string, validation: CsafValidation): void {
  for (const f of validation.findings) process.stdout.write(`${f.severity} ${f.section} ${f.path}: ${f.message}\n`);
  const errors = validation.findings.filter((f) => f.severity === 'error').length;
  const skipped = validation.skipped.map((s) => `${s.test} (${s.why})`).join('; ');
  process.stdout.write(
    `${file}: ${validation.valid ? 'a valid CSAF 2.0 document' : `not a valid CSAF 2.0 document (${errors} errors)`}; ` +
      `${validation.ran} tests ran${skipped ? `; not run: ${skipped}` : ''}\n`,
  );
}

export function registerAdvisoryCommands(program: Command): void {
  const advisories = program.command('advisories').description(summary('advisories'));

  advisories
    .command('validate <file>')
    .description(
      'check FILE against the CSAF 2.0 schema (strict) and its mandatory, optional and informative tests; exit 1 when it is not valid',
    )
    .option('--network', 'also run the informative tests that fetch the URLs the document names')
    .option('--json', 'print the findings as JSON')
    .action(
      action(async (file: string, options: { network?: boolean; json?: boolean }) => {
        const validation = await validateCsaf(await readFile(file, 'utf8'), { network: options.network === true });
        if (options.json) process.stdout.write(`${JSON.stringify(validation, null, 2)}\n`);
        else print(file, validation);
        return validation.valid ? 0 : EXIT_ERROR;
      }),
    );

  advisories
    .command('import <source>')
    .description(
      'validate the CSAF 2.0 document in SOURCE (a file or an http(s) URL) and keep it whole; the same document again changes nothing',
    )
    .action(
      action(async (source: string) =>
        withDatabase(async ({ db }, config) => {
          const text = await readSource(source, config.feedPrivateUrls, CSAF_MAX_BYTES);
          const { advisory, created } = await importAdvisory(db, actorFromCli(), text, { source });
          const errors = advisory.findings.filter((f) => f.severity === 'error').length;
          process.stdout.write(
            `${created ? 'imported' : 'already here, unchanged'}: ${advisory.trackingId} version ${advisory.version} ` +
              `(${advisory.title}), TLP:${advisory.tlp}; ${advisory.valid ? 'valid' : `not valid: ${errors} errors`} (id ${advisory.id})\n`,
          );
        }),
      ),
    );

  advisories
    .command('list')
    .description('the advisories Vakt holds, imported and published, the newest release first')
    .option('--limit <n>', 'how many', '50')
    .option('--before <cursor>', 'the page after the one that printed this cursor')
    .action(
      action(async (options: { limit: string; before?: string }) =>
        withDatabase(async ({ db }) => {
          const limit = Math.min(500, Math.max(1, Number(options.limit) || 50));
          const page = await pageAdvisories(db, { limit, ...(options.before ? { before: options.before } : {}) });
          for (const a of page.advisories)
            process.stdout.write(
              `${a.id}  ${a.currentReleaseDate.slice(0, 10)}  ${a.trackingId} v${a.version}  TLP:${a.tlp}  ${a.valid ? 'valid' : 'NOT VALID'}  ${a.title}\n`,
            );
          if (page.next) process.stdout.write(`more: --before ${page.next}\n`);
        }),
      ),
    );

  advisories
    .command('show <id>')
    .description('one advisory: what it is, its vulnerabilities, and its validation finding by finding')
    .action(
      action(async (id: string) =>
        withDatabase(async ({ db }) => {
          const { document, findings, ...advisory } = await getAdvisory(db, id);
          for (const [field, value] of Object.entries(advisory)) process.stdout.write(`${field}: ${String(value)}\n`);
          for (const v of vulnerabilitiesOf(document)) {
            const scores = v.scores.map((s) => `CVSS ${s.version} ${s.baseScore}`).join(', ');
            const status = Object.entries(v.productStatus)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ');
            process.stdout.write(`vulnerability: ${v.cve ?? '(no CVE)'} ${v.cwe ?? ''} ${scores} ${status}\n`);
          }
          for (const f of findings) process.stdout.write(`${f.severity} ${f.section} ${f.path}: ${f.message}\n`);
        }),
      ),
    );

  advisories
    .command('export <id>')
    .description('the CSAF document exactly as it was imported or published, byte for byte, on standard output')
    .action(
      action(async (id: string) =>
        withDatabase(async ({ db }) => {
          process.stdout.write((await getAdvisory(db, id)).document);
        }),
      ),
    );

  advisories
    .command('publish <id>')
    .description(
      "publish an approved advisory of the team's (its id from the web page or API): validated, signed with the team key, served as a CSAF provider, mailed to the organisations it concerns",
    )
    .option('--audience <who>', 'whom to tell: inventory (whose product inventory it matches), all, tag, none', 'inventory')
    .option('--tag <tag>', 'with --audience tag: the tag whose organisations are told')
    .action(
      action(async (id: string, options: { audience: string; tag?: string }) =>
        withDatabase(async (database, config) => {
          const { db } = database;
          if (!(AUDIENCES as readonly string[]).includes(options.audience) || (options.audience === 'tag' && !options.tag))
            throw new UsageError(`--audience is one of ${AUDIENCES.join(', ')}; tag needs --tag`);
          const audience: Audience =
            options.audience === 'tag' ? { kind: 'tag', tag: options.tag! } : ({ kind: options.audience } as Audience);
          const teamKey = config.mail.pgpKeyFile ? await loadTeamKeyFile(config.mail.pgpKeyFile, config.mail.pgpPassphrase) : undefined;
          // The provider this server would serve, asked in process: the same check as the API's.
          const [{ buildApp }, { selfCheck }] = await Promise.all([import('../../http/app.js'), import('../../advisories/self-check.js')]);
          const app = await buildApp({ database, config, ...(teamKey ? { teamKey } : {}) });
          try {
            const teamUrl = publicUrlOf((await requireProfile(db)).profile, config.publicUrl);
            const published = await publishAuthored(db, actorFromCli(), id, {
              teamKey,
              configuredUrl: config.publicUrl,
              notify: { audience, settings: await intakeSettings(db, config.mail, teamKey) },
              selfCheck: () => selfCheck(app, teamUrl),
            });
            const told = published.told.filter((t) => t.status === 'queued').length;
            process.stdout.write(
              `published ${published.advisory.trackingId} version ${published.version} at ${published.path} (sha256 ${published.sha256}); told ${told} organisation(s), withheld from ${published.told.length - told}\n`,
            );
            if (published.providerCheck?.passed) process.stdout.write('provider check: every applicable rule holds\n');
            for (const f of published.providerCheck?.failed ?? [])
              process.stdout.write(`provider check: rule ${f.rule} (${f.title}) fails, as it did before: ${f.messages[0] ?? ''}\n`);
          } finally {
            await app.close();
          }
        }),
      ),
    );

  advisories
    .command('subscribe <url>')
    .description(
      "follow a CSAF provider (its provider-metadata.json), or an aggregator or lister (its aggregator.json) and every provider it lists, and read it now: what changed, verified against the provider's key, validated, stored, and matched against the constituency's inventories as draft notices",
    )
    .option('--no-run', 'only subscribe; the hourly job reads it')
    .action(
      action(async (url: string, options: { run: boolean }) =>
        withDatabase(async ({ db }, config) => {
          const made = await subscribe(db, actorFromCli(), url, config.feedPrivateUrls);
          const what = made.kind === 'aggregator' ? `the aggregator ${made.publisher}` : made.publisher;
          process.stdout.write(`${made.created ? 'subscribed to' : 'already following'} ${what} (${made.id})\n`);
          if (!options.run) return 0;
          const run = await runWithProgress(db, made.id, config.feedPrivateUrls);
          if (run.providers) process.stdout.write(`${run.providers.listed} provider(s) listed, ${run.providers.added} newly followed\n`);
          process.stdout.write(
            `${run.changed} changed: ${run.imported} imported, ${run.unchanged} unchanged, ${run.refused.length} refused; ${run.notices} draft notice(s) to organisations whose inventory matches\n`,
          );
          for (const r of run.refused) process.stdout.write(`refused ${r.url}: ${r.reason}\n`);
          for (const w of run.warnings) process.stdout.write(`warning: ${w}\n`);
          return run.refused.length > 0 ? EXIT_ERROR : 0;
        }),
      ),
    );

  advisories
    .command('check-provider <url>')
    .description(
      'check a CSAF provider (its provider-metadata.json, or a site) against requirements 1–23 of CSAF 2.0: download, verify hashes and signatures, validate every document; exit 1 when an applicable rule fails',
    )
    .option('--json', 'print the report as JSON')
    .option('--max-documents <n>', 'read at most this many documents')
    .action(
      action(async (url: string, options: { json?: boolean; maxDocuments?: string }) => {
        const config = loadConfig();
        const report = await checkProvider(url, {
          allowPrivate: config.feedPrivateUrls,
          ...(options.maxDocuments ? { maxDocuments: Math.max(1, Number(options.maxDocuments) || 1) } : {}),
        });
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printCheck(report);
        return report.passed ? 0 : EXIT_ERROR;
      }),
    );
}

async function runWithProgress(db: Parameters<typeof runSubscription>[0], id: string, allowPrivate: boolean) {
  const bar = progressBar('{bar} {value}/{total} documents | {url}');
  let started = false;
  try {
    return await runSubscription(db, id, {
      allowPrivate,
      onDocument: (done, total, url) => {
        if (!started) bar.start(total, 0, { url });
        started = true;
        bar.update(done, { url });
      },
    });
  } finally {
    if (started) bar.stop();
  }
}

function printCheck(report: ProviderCheck): void {
  for (const r of report.rules) {
    process.stdout.write(`${String(r.rule).padStart(2)} ${r.status.padEnd(14)} ${r.title}\n`);
    for (const m of r.messages) process.stdout.write(`     ${m}\n`);
  }
  process.stdout.write(
    `${report.metadataUrl}: ${report.role ?? 'no provider'}, ${report.documents} document(s) read; ${report.passed ? 'every applicable requirement is met' : 'an applicable requirement is not met'}\n`,
  );
}
