/**
 * `vakt directory …`: the peer-team inventory, RFC 2350 import, the coverage matrix, snapshots
 * and the gap-analysis questions.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import { VaktError } from '../../core/errors.js';
import {
  COVERAGE_LEVELS,
  MEMBERSHIP_BODIES,
  SECTORS,
  SECTOR_LABELS,
  TEAM_TYPES,
  TRUST_LEVELS,
  type Coverage,
  type MembershipBody,
  type PeerTeam,
  type Sector,
  type TeamType,
  type TrustLevel,
} from '../../directory/schema.js';
import { matrixCsv, matrixHtml, type Matrix } from '../../directory/coverage.js';
import { directoryFile, exportDirectory, parseDirectoryFile } from '../../directory/exchange.js';
import { ownDirectoryRecord } from '../../directory/own-record.js';
import { accreditedInSector, nationalPointOfContact, sectorsWithoutTeam, type Answer } from '../../directory/questions.js';
import { checkCountryOverride, type Rfc2350Reading } from '../../directory/rfc2350-import.js';
import { readCheckedRfc2350, type DocumentSignature } from '../../directory/rfc2350-signature.js';
import { isPdf, MAX_PDF_BYTES, pdfText } from '../../directory/pdf-text.js';
import { compareSnapshots, getSnapshot, listSnapshots, liveMatrix, parseCountries, takeSnapshot } from '../../directory/snapshots.js';
import { findTeam, importTeams, listTeams, updateTeam, type FieldChange, type ImportOutcome } from '../../directory/teams.js';
import { MAX_DOCUMENT_BYTES } from '../../directory/text.js';
import { requireProfile } from '../../profile/service.js';
import { action, actorFromCli, UsageError, withDatabase } from '../run.js';

function oneOf<T extends string>(values: readonly T[], value: string | undefined, option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${values.join(', ')}`);
  return value as T;
}

function show(value: unknown, width = 70): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

async function readSource(ref: string): Promise<{ body: Buffer; contentType?: string; url?: string }> {
  if (/^https?:\/\//i.test(ref)) {
    const response = await fetch(ref, { signal: AbortSignal.timeout(20_000), redirect: 'follow' }).catch((error: Error) => {
      throw new VaktError('not-found', `${ref}: could not fetch (${error.message})`);
    });
    if (!response.ok) throw new VaktError('not-found', `${ref}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    const limit = isPdf(body) ? MAX_PDF_BYTES : MAX_DOCUMENT_BYTES;
    if (body.length > limit) throw new VaktError('validation', `${ref}: larger than ${limit / 1024} KiB`);
    const contentType = response.headers.get('content-type') ?? undefined;
    return { body, url: ref, ...(contentType ? { contentType } : {}) };
  }
  const body = await readFile(ref).catch((error: NodeJS.ErrnoException) => {
    throw new VaktError('not-found', `${ref}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  return { body };
}

const MAX_SIGNATURE_BYTES = 64 * 1024;

/**
 * The detached signature to check the document against: the one named with --signature, else a
 * local file's ".asc" or ".sig" sibling (teams publish rfc2350.pdf with rfc2350.pdf.asc).
 */
async function detachedSignatureFor(source: string, named: string | undefined): Promise<Buffer | undefined> {
  const candidates = named ? [named] : /^https?:\/\//i.test(source) ? [] : [`${source}.asc`, `${source}.sig`];
  for (const path of candidates) {
    const found = named ? (await readSource(path)).body : await readFile(path).catch(() => undefined);
    if (!found) continue;
    if (found.length > MAX_SIGNATURE_BYTES) throw new VaktError('validation', `${path}: larger than 64 KiB, not a signature`);
    return found;
  }
  return undefined;
}

function printReading(reading: Rfc2350Reading & { signature: DocumentSignature }, source: string): void {
  const out: string[] = [];
  out.push(reading.team ? `Read ${reading.team.name} (${reading.team.country}) from ${source}` : `Read ${source}`);
  out.push(`Signature: ${reading.signature.status} — ${reading.signature.detail}`, '', 'Understood:');
  for (const f of reading.understood)
    out.push(
      `  ${f.field.padEnd(34)} ${show(f.value, 60).padEnd(60)}  ${f.how === 'inferred' ? '(inferred from ' : '(from '}${show(f.from, 60)})`,
    );
  if (reading.notUnderstood.length > 0) {
    out.push('', 'Not found or not understood:');
    for (const m of reading.notUnderstood) out.push(`  ${m.field.padEnd(34)} ${m.reason}`);
  }
  if (reading.otherSections.length > 0) {
    out.push('', 'Sections that are not RFC 2350 fields (not imported):');
    for (const s of reading.otherSections) out.push(`  ${s.number} ${s.title}`);
  }
  for (const w of reading.warnings) out.push('', `Warning: ${w}`);
  if (reading.errors.length > 0) {
    out.push('', 'Cannot be imported:');
    for (const e of reading.errors) out.push(`  ${e.field}: ${e.reason}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function printChanges(changes: readonly FieldChange[]): void {
  for (const c of changes) process.stdout.write(`    ${c.field}: ${show(c.before, 50)} → ${show(c.after, 50)}\n`);
}

function printOutcomes(outcomes: readonly ImportOutcome[], dryRun: boolean): void {
  for (const o of outcomes) {
    const verb = dryRun && o.action !== 'unchanged' ? `would be ${o.action}` : o.action;
    process.stdout.write(`${o.name} (${o.country}): ${verb}${o.id ? ` ${o.id}` : ''}\n`);
    if (o.action === 'updated') printChanges(o.changes);
  }
  const count = (a: ImportOutcome['action']) => outcomes.filter((o) => o.action === a).length;
  process.stdout.write(
    `${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged${dryRun ? ' (dry run: nothing written)' : ''}\n`,
  );
}

async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

const LEVEL_MARK: Record<Coverage, string> = { yes: 'Yes', partly: 'Partly', planned: 'Planned', none: '—' };

function matrixText(matrix: Matrix): string {
  const width = 16;
  const head = `${'Country'.padEnd(24)}${matrix.sectors.map((s) => SECTOR_LABELS[s].slice(0, width - 1).padEnd(width)).join('')}`;
  const rows = matrix.countries.map(({ code, name }) => {
    const cells = matrix.sectors.map((s) => {
      const cell = matrix.cells[code]?.[s];
      return (cell ? LEVEL_MARK[cell.level] : 'n/a').padEnd(width);
    });
    return `${`${name} (${code})`.slice(0, 23).padEnd(24)}${cells.join('')}`;
  });
  return `${[head, ...rows].join('\n')}\n— = no known activity; n/a = not assessed\n`;
}

function printAnswer(answer: Answer): void {
  process.stdout.write(`${answer.question}\n${answer.answer}\n`);
  for (const t of answer.teams) process.stdout.write(`  ${t.name} (${t.country})${t.detail ? `: ${t.detail}` : ''}  ${t.id}\n`);
}

function sectorList(values: readonly string[] | undefined): PeerTeam['sectors'] | undefined {
  if (!values?.length) return undefined;
  return values.map((value) => {
    const match = /^([a-z-]+)=([a-z]+)(?::(.+))?$/.exec(value);
    const sector = oneOf(SECTORS, match?.[1], '--sector');
    const coverage = oneOf(COVERAGE_LEVELS, match?.[2], '--sector coverage');
    if (!match || !sector || !coverage) throw new UsageError(`--sector: write SECTOR=LEVEL[:note], e.g. government=yes:"for .se"`);
    return { sector, coverage, ...(match[3] ? { note: match[3] } : {}) };
  });
}

export function registerDirectoryCommands(program: Command): void {
  const directory = program.command('directory').description(summary('directory'));

  directory
    .command('list')
    .description('list peer teams, optionally filtered')
    .option('--q <text>', 'name, short name or host organisation contains')
    .option('--country <cc>', 'ISO 3166 country code')
    .option('--type <type>', TEAM_TYPES.join(' | '))
    .option('--sector <sector>', SECTORS.join(' | '))
    .option('--service <name>', 'a FIRST Services Framework name')
    .option('--membership <body>', MEMBERSHIP_BODIES.join(' | '))
    .option('--status <status>', 'with --membership: e.g. accredited,certified')
    .option('--json', 'print JSON')
    .action(
      action(
        async (o: {
          q?: string;
          country?: string;
          type?: string;
          sector?: string;
          service?: string;
          membership?: string;
          status?: string;
          json?: boolean;
        }) => {
          const filter = {
            ...(o.q ? { q: o.q } : {}),
            ...(o.country ? { country: parseCountries([o.country])[0] as string } : {}),
            ...(o.type ? { type: oneOf(TEAM_TYPES, o.type, '--type') as TeamType } : {}),
            ...(o.sector ? { sector: oneOf(SECTORS, o.sector, '--sector') as Sector } : {}),
            ...(o.service ? { service: o.service } : {}),
            ...(o.membership ? { membership: oneOf(MEMBERSHIP_BODIES, o.membership, '--membership') as MembershipBody } : {}),
            ...(o.status ? { status: o.status } : {}),
          };
          const teams = await withDatabase(({ db }) => listTeams(db, filter));
          if (o.json) {
            process.stdout.write(`${JSON.stringify(teams, null, 2)}\n`);
            return;
          }
          for (const { id, team } of teams) {
            const ti = team.memberships.find((m) => m.body === 'Trusted Introducer')?.status;
            process.stdout.write(
              `${id}  ${team.country}  ${team.name}${team.shortName ? ` (${team.shortName})` : ''}  ${team.type}${ti ? `  TI ${ti}` : ''}\n`,
            );
          }
          process.stdout.write(`${teams.length} team(s)\n`);
        },
      ),
    );

  directory
    .command('show <team>')
    .description('one team, by id, name or short name')
    .action(
      action(async (ref: string) => {
        const team = await withDatabase(({ db }) => findTeam(db, ref));
        process.stdout.write(`${JSON.stringify(team, null, 2)}\n`);
      }),
    );

  directory
    .command('import <file>')
    .description(
      'import a vakt-directory JSON file; known teams (same name and country) are updated and the differences shown; nothing is written if any team is invalid',
    )
    .option('--dry-run', 'show what would change, write nothing')
    .action(
      action(async (file: string, o: { dryRun?: boolean }) => {
        const { body } = await readSource(file);
        const teams = parseDirectoryFile(body.toString('utf8'), file);
        const outcomes = await withDatabase(({ db }) =>
          importTeams(db, actorFromCli(), teams, { dryRun: o.dryRun === true, source: file }),
        );
        printOutcomes(outcomes, o.dryRun === true);
      }),
    );

  directory
    .command('export')
    .description('write the directory (or, with --own, our own team) as a vakt-directory JSON file')
    .option('--own', 'our own team profile as a directory record, for peers')
    .option('--output <file>', 'write to a file instead of standard output')
    .action(
      action(async (o: { own?: boolean; output?: string }) => {
        const file = await withDatabase(async ({ db }, config) =>
          o.own ? directoryFile([ownDirectoryRecord((await requireProfile(db)).profile, config.publicUrl)]) : exportDirectory(db),
        );
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (o.output) await writeFile(o.output, text);
        else process.stdout.write(text);
      }),
    );

  directory
    .command('import-rfc2350 <source>')
    .description(
      "read a team's RFC 2350 document (a text or HTML file, or an http(s) URL), show what was understood, and write it when confirmed",
    )
    .option('--yes', 'write without asking')
    .option('--country <cc>', 'the team’s country, when the address does not name it')
    .option('--type <type>', `the kind of team (${TEAM_TYPES.join(', ')})`)
    .option('--short-name <name>', 'a short name, when the document gives none')
    .option('--sector <spec...>', 'the sectors served as SECTOR=LEVEL[:note], e.g. government=yes research-education=partly:"for .se"')
    .option('--partial', 'accept a document that seems cut off')
    .option('--signature <file>', 'a detached PGP signature of the document (default: SOURCE.asc or SOURCE.sig beside a local file)')
    .option('--json', 'print the reading as JSON')
    .action(
      action(
        async (
          source: string,
          o: {
            yes?: boolean;
            country?: string;
            type?: string;
            shortName?: string;
            sector?: string[];
            partial?: boolean;
            signature?: string;
            json?: boolean;
          },
        ) => {
          const { body, contentType, url } = await readSource(source);
          const type = oneOf(TEAM_TYPES, o.type, '--type');
          const country = checkCountryOverride(o.country);
          const sectors = sectorList(o.sector);
          const document = isPdf(body) ? await pdfText(body, source) : body;
          const signature = await detachedSignatureFor(source, o.signature);
          const reading = await withDatabase(({ db }) =>
            readCheckedRfc2350(
              db,
              document,
              {
                source,
                ...(contentType ? { contentType } : {}),
                ...(url ? { url } : {}),
                overrides: {
                  ...(country ? { country } : {}),
                  ...(type ? { type } : {}),
                  ...(o.shortName ? { shortName: o.shortName } : {}),
                  ...(sectors ? { sectors } : {}),
                },
                ...(o.partial ? { allowPartial: true } : {}),
              },
              signature ? { signed: body, signature } : undefined,
            ),
          );
          if (o.json) process.stdout.write(`${JSON.stringify(reading, null, 2)}\n`);
          else printReading(reading, source);
          if (!reading.team)
            throw new VaktError(
              'validation',
              `${source}: cannot be imported: ${reading.errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`,
            );
          const team = reading.team;
          const proceed = o.yes === true || (await confirmed(`Write ${team.name} (${team.country}) to the directory?`));
          if (!proceed) {
            process.stderr.write('vakt: nothing written; re-run with --yes to import\n');
            return;
          }
          const [outcome] = await withDatabase(({ db }) => importTeams(db, actorFromCli(), [team], { source }));
          if (outcome) printOutcomes([outcome], false);
        },
      ),
    );

  directory
    .command('trust <team> <level>')
    .description(`record our trust in a team (${TRUST_LEVELS.join(', ')}) and that we verified it today (or --verified DATE)`)
    .option('--verified <date>', 'when the contact details were last verified (YYYY-MM-DD)')
    .option('--note <text>', 'why')
    .action(
      action(async (ref: string, level: string, o: { verified?: string; note?: string }) => {
        const trust = oneOf(TRUST_LEVELS, level, 'level') as TrustLevel;
        await withDatabase(async ({ db }) => {
          const current = await findTeam(db, ref);
          const lastVerified = o.verified ?? new Date().toISOString().slice(0, 10);
          const updated = await updateTeam(
            db,
            actorFromCli(),
            current.id,
            { ...current.team, trust: { level: trust, lastVerified, ...(o.note ? { note: o.note } : {}) } },
            current.version,
          );
          process.stdout.write(`${updated.team.name}: trust ${trust}, verified ${lastVerified}\n`);
        });
      }),
    );

  directory
    .command('matrix')
    .description('the coverage matrix: countries × sectors, the best coverage any team gives')
    .option('--countries <list>', 'also show these countries (comma-separated ISO codes), with or without teams')
    .option('--snapshot <id>', 'a frozen snapshot instead of the directory now')
    .option('--format <format>', 'text | csv | html | json', 'text')
    .option('--output <file>', 'write to a file')
    .action(
      action(async (o: { countries?: string; snapshot?: string; format: string; output?: string }) => {
        const format = oneOf(['text', 'csv', 'html', 'json'] as const, o.format, '--format');
        const { matrix, title } = await withDatabase(async ({ db }) => {
          if (o.snapshot) {
            const s = await getSnapshot(db, o.snapshot);
            return { matrix: s.matrix, title: `${s.name} (${s.takenAt})` };
          }
          return { matrix: await liveMatrix(db, parseCountries(o.countries)), title: 'CSIRT coverage' };
        });
        const text =
          format === 'csv'
            ? matrixCsv(matrix)
            : format === 'html'
              ? matrixHtml(matrix, title)
              : format === 'json'
                ? `${JSON.stringify(matrix, null, 2)}\n`
                : matrixText(matrix);
        if (o.output) await writeFile(o.output, text);
        else process.stdout.write(text);
      }),
    );

  const snapshot = directory.command('snapshot').description('freeze the coverage matrix at a date, list and compare snapshots');
  snapshot
    .command('create <name>')
    .option('--countries <list>', 'also include these countries (comma-separated ISO codes)')
    .option('--description <text>')
    .action(
      action(async (name: string, o: { countries?: string; description?: string }) => {
        const s = await withDatabase(({ db }) =>
          takeSnapshot(db, actorFromCli(), {
            name,
            ...(o.description ? { description: o.description } : {}),
            countries: parseCountries(o.countries),
          }),
        );
        process.stdout.write(
          `snapshot ${s.id} "${s.name}" taken ${s.takenAt}: ${s.matrix.countries.length} countries, ${s.matrix.teams.length} teams\n`,
        );
      }),
    );
  snapshot.command('list').action(
    action(async () => {
      const list = await withDatabase(({ db }) => listSnapshots(db));
      for (const s of list) process.stdout.write(`${s.id}  ${s.takenAt}  ${s.source.padEnd(9)}  ${s.name}\n`);
    }),
  );
  snapshot
    .command('compare <from> <to>')
    .description('what changed between two snapshots (ids, or "live" for the directory now)')
    .option('--json', 'print JSON')
    .action(
      action(async (from: string, to: string, o: { json?: boolean }) => {
        const diff = await withDatabase(({ db }) => compareSnapshots(db, from, to));
        if (o.json) {
          process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
          return;
        }
        const out = [`From ${diff.from} to ${diff.to}: ${diff.changed.length} cell(s) changed`];
        for (const c of diff.changed) out.push(`  ${c.countryName} / ${SECTOR_LABELS[c.sector]}: ${c.before.text} → ${c.after.text}`);
        if (diff.countriesAdded.length) out.push(`Countries added: ${diff.countriesAdded.join(', ')}`);
        if (diff.countriesRemoved.length) out.push(`Countries no longer listed: ${diff.countriesRemoved.join(', ')}`);
        if (diff.teamsAppeared.length) out.push(`Teams appeared: ${diff.teamsAppeared.map((t) => `${t.name} (${t.country})`).join(', ')}`);
        if (diff.teamsGone.length) out.push(`Teams gone: ${diff.teamsGone.map((t) => `${t.name} (${t.country})`).join(', ')}`);
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );

  const ask = directory.command('ask').description("the gap analysis's questions, answered from the directory");
  ask
    .command('national-poc <country>')
    .description('is there a national point of contact for a country?')
    .action(action(async (country: string) => printAnswer(await withDatabase(({ db }) => nationalPointOfContact(db, country)))));
  ask
    .command('gaps <country>')
    .description('which sectors of a country have no known team?')
    .action(action(async (country: string) => printAnswer(await withDatabase(({ db }) => sectorsWithoutTeam(db, country)))));
  ask
    .command('accredited <sector>')
    .description(`which teams serving a sector are TI accredited or certified? (${SECTORS.join(', ')})`)
    .action(
      action(async (sector: string) => {
        const s = oneOf(SECTORS, sector, 'sector') as Sector;
        printAnswer(await withDatabase(({ db }) => accreditedInSector(db, s)));
      }),
    );
}
