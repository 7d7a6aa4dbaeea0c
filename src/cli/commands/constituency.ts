/**
 * `vakt constituency …`, `vakt lookup` and `vakt ripe import`. Each command loads what it runs when
 * it runs: a lookup must not wait for the importers' libraries.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import { ValidationError } from '../../core/errors.js';
import type { LookupAnswer } from '../../constituency/lookup.js';
import type { StoredOrganisation } from '../../constituency/schema.js';
import { action, actorFromCli, fail, progressBar, readInputFile, UsageError, withDatabase } from '../run.js';

function printAnswer(answer: LookupAnswer): void {
  const out = [`${answer.normalised} (${answer.kind}): decided by ${answer.decidedBy}`, `  why: ${answer.reason}`];
  for (const org of answer.organisations) {
    out.push(`  ${org.name}  [${org.matched}]`);
    for (const c of org.contacts)
      out.push(
        `    ${c.role.padEnd(10)} ${c.email}${c.name ? ` (${c.name})` : ''}${c.phone ? ` ${c.phone}` : ''} lang=${c.language}${c.pgpFingerprint ? ' pgp' : ''}`,
      );
  }
  if (answer.overlaps.length > 1) {
    out.push('  overlapping netblocks (least specific first):');
    for (const o of answer.overlaps) out.push(`    ${o.matched.padEnd(24)} ${o.name}`);
  }
  if (answer.ripe) for (const c of answer.ripe.contacts) out.push(`  RIPE ${answer.ripe.object}: ${c.email} (${c.via})`);
  if (answer.nationalPointOfContact)
    out.push(`  national point of contact: ${answer.nationalPointOfContact.name} <${answer.nationalPointOfContact.email}>`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function printTree(orgs: StoredOrganisation[]): void {
  const children = new Map<string | null, StoredOrganisation[]>();
  for (const o of orgs) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const ids = new Set(orgs.map((o) => o.id));
  const walk = (parent: string | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      const holds = [...o.netblocks.map((b) => b.prefix), ...o.asns.map((a) => `AS${a}`), ...o.domains].join(' ');
      process.stdout.write(
        `${'  '.repeat(depth)}${o.name} (${o.category}, TLP:${o.tlpClearance})${holds ? `  ${holds}` : ''}  ${o.contacts.length} contact(s)\n`,
      );
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  // Organisations whose parent is not a constituency organisation (e.g. under a peer) still show.
  for (const o of orgs) if (o.parentId && !ids.has(o.parentId)) process.stdout.write(`${o.name} (under ${o.parentId})\n`);
}

export function registerConstituencyCommands(program: Command): void {
  const constituency = program.command('constituency').description(summary('constituency'));

  constituency
    .command('list')
    .description('the organisations as a tree')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const { listOrganisations } = await import('../../constituency/organisations.js');
          const orgs = await listOrganisations(db);
          if (options.json) process.stdout.write(`${JSON.stringify({ format: 'vakt-constituency', organisations: orgs }, null, 2)}\n`);
          else printTree(orgs);
        }),
      ),
    );

  constituency
    .command('import')
    .argument('<file>', 'CSV (one row per organisation or per extra contact) or JSON')
    .description('create or replace organisations from a file; any invalid row stops the import unless --skip-invalid')
    .option('--format <format>', 'csv or json (default: from the file name)')
    .option('--skip-invalid', 'import the valid rows and report the others')
    .option('--dry-run', 'check and show what would change; write nothing')
    .action(
      action(async (file: string, options: { format?: string; skipInvalid?: boolean; dryRun?: boolean }) => {
        const format = options.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
        if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
        const text = await readInputFile(file);
        const { importConstituency } = await import('../../constituency/import.js');
        return withDatabase(async ({ db }) => {
          try {
            const report = await importConstituency(db, actorFromCli(), text, {
              format,
              skipInvalid: Boolean(options.skipInvalid),
              dryRun: Boolean(options.dryRun),
            });
            for (const p of report.problems) process.stdout.write(`${file}:${p.line}: ${p.field}: ${p.reason} (skipped)\n`);
            process.stdout.write(
              `${report.dryRun ? 'would import' : 'imported'}: ${report.created.length} created, ${report.updated.length} updated, ${report.skipped} skipped\n`,
            );
            return report.skipped > 0 ? 1 : 0;
          } catch (error) {
            if (!(error instanceof ValidationError) || error.issues.length === 0) throw error;
            // The validation report on stdout, one problem per line; the one-line error on stderr.
            for (const issue of error.issues) process.stdout.write(`${file}: ${issue.field}: ${issue.reason}\n`);
            return fail(`${file}: ${error.issues.length} problem(s), nothing imported (fix them or pass --skip-invalid)`);
          }
        });
      }),
    );

  program
    .command('lookup')
    .argument('<query>', 'an IP address, CIDR prefix, domain, URL, e-mail address or AS number (AS64500)')
    .description(summary('lookup'))
    .option('--json', 'print JSON')
    .action(
      action(async (query: string, options: { json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const { lookup } = await import('../../constituency/lookup.js');
          const answer = await lookup(db, query);
          if (options.json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
          else printAnswer(answer);
        }),
      ),
    );

  program
    .command('ripe')
    .description(summary('ripe'))
    .command('import')
    .argument(
      '<files...>',
      'RIPE split dump files: ripe.db.inetnum.gz, ripe.db.inet6num.gz, ripe.db.aut-num.gz, ripe.db.irt.gz, ripe.db.role.gz, ripe.db.organisation.gz (gzip or plain)',
    )
    .description('import RIPE dump files; each object class in them replaces the one imported before, in one transaction')
    .action(
      action(async (files: string[]) =>
        withDatabase(async ({ db }) => {
          const { importRipe } = await import('../../ripe/import.js');
          const bar = progressBar('{file} {bar} {percentage}% | {objects} objects');
          let current = '';
          const started = Date.now();
          try {
            const report = await importRipe(db, actorFromCli(), files, (p) => {
              if (p.file !== current) {
                if (current) bar.stop();
                current = p.file;
                bar.start(Math.max(1, p.totalBytes), 0, { file: p.file, objects: 0 });
              }
              bar.update(Math.min(p.bytesRead, p.totalBytes), { file: p.file, objects: p.objects });
            });
            bar.stop();
            for (const p of report.problems) process.stderr.write(`${p.file}:${p.line}: ${p.reason}\n`);
            if (report.problemCount > report.problems.length)
              process.stderr.write(`… and ${report.problemCount - report.problems.length} more problems\n`);
            const counts = Object.entries(report.counts)
              .map(([k, v]) => `${v} ${k}`)
              .join(', ');
            process.stdout.write(
              `imported ${counts} (${report.ignored} objects of other classes ignored, ${report.problemCount} problems) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
            );
          } finally {
            bar.stop();
          }
        }),
      ),
    );
}
