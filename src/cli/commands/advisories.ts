/**
 * `vakt advisories validate|import`: a CSAF 2.0 document checked locally, the schema and every test
 * of the standard, and kept whole in Vakt.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { importAdvisory } from '../../advisories/advisories.js';
import { CSAF_MAX_BYTES, validateCsaf, type CsafValidation } from '../../advisories/validate-csaf.js';
import { VaktError } from '../../core/errors.js';
import { fetchFeedUrl } from '../../feeds/fetch-url.js';
import { action, actorFromCli, EXIT_ERROR, withDatabase } from '../run.js';
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

/** The document at SOURCE: a file, or an http(s) URL fetched as feeds are (public addresses only, unless allowed). */
async function readSource(source: string, allowPrivate: boolean): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return readFile(source, 'utf8');
  const response = await fetchFeedUrl(source, { allowPrivate, timeoutMs: 60_000 });
  if (!response.ok) throw new VaktError('not-found', `${source}: HTTP ${response.status}`);
  const text = await response.text();
  if (Buffer.byteLength(text) > CSAF_MAX_BYTES)
    throw new VaktError('validation', `${source}: larger than ${CSAF_MAX_BYTES / 1024 / 1024} MiB`);
  return text;
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
          const text = await readSource(source, config.feedPrivateUrls);
          const { advisory, created } = await importAdvisory(db, actorFromCli(), text, { source });
          const errors = advisory.findings.filter((f) => f.severity === 'error').length;
          process.stdout.write(
            `${created ? 'imported' : 'already here, unchanged'}: ${advisory.trackingId} version ${advisory.version} ` +
              `(${advisory.title}), TLP:${advisory.tlp}; ${advisory.valid ? 'valid' : `not valid: ${errors} errors`} (id ${advisory.id})\n`,
          );
        }),
      ),
    );
}
