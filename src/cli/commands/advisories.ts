/** `vakt advisories validate`: a CSAF 2.0 document checked locally, the schema and every test of the standard. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validateCsaf, type CsafValidation } from '../../advisories/validate-csaf.js';
import { action, EXIT_ERROR } from '../run.js';
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
}
