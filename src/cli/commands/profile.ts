/** `vakt profile import FILE` and `vakt profile export`. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import { ValidationError } from '../../core/errors.js';
import { renderRfc2350Html, renderRfc2350Text } from '../../profile/rfc2350.js';
import { renderSecurityTxt } from '../../profile/security-txt.js';
import { requireProfile, saveProfile, validateProfile } from '../../profile/service.js';
import { action, actorFromCli, readInputFile, UsageError, withDatabase } from '../run.js';

const FORMATS = ['json', 'txt', 'html', 'security.txt'] as const;
const MAX_PROFILE_BYTES = 1024 * 1024;

async function readJson(file: string): Promise<unknown> {
  const text = await readInputFile(file);
  if (Buffer.byteLength(text) > MAX_PROFILE_BYTES) throw new ValidationError([{ field: '(file)', reason: 'larger than 1 MiB' }], file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: '(file)', reason: `not valid JSON: ${(error as Error).message}` }], file);
  }
}

export function registerProfileCommands(program: Command): void {
  const profile = program.command('profile').description(summary('profile'));
  profile
    .command('import <file>')
    .description('validate a profile (JSON) and make it the team profile; nothing is written when it is invalid')
    .option('--check', 'only validate')
    .action(
      action(async (file: string, options: { check?: boolean }) => {
        const input = await readJson(file);
        validateProfile(input, file);
        if (options.check) {
          process.stdout.write(`${file}: valid\n`);
          return;
        }
        await withDatabase(async ({ db }) => {
          const stored = await saveProfile(db, actorFromCli(), input);
          process.stdout.write(`profile of ${stored.profile.team.name} saved as version ${stored.version}\n`);
        });
      }),
    );
  profile
    .command('export')
    .description(`print the profile (${FORMATS.join(', ')})`)
    .option('--format <format>', FORMATS.join(' | '), 'json')
    .option('--output <file>', 'write to a file instead of standard output')
    .action(
      action(async (options: { format: string; output?: string }) => {
        if (!(FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        const text = await withDatabase(async ({ db }, config) => {
          const { profile: p } = await requireProfile(db);
          switch (options.format) {
            case 'txt':
              return renderRfc2350Text(p);
            case 'html':
              return renderRfc2350Html(p);
            case 'security.txt':
              return renderSecurityTxt(p, config.publicUrl);
            default:
              return `${JSON.stringify(p, null, 2)}\n`;
          }
        });
        if (options.output) await writeFile(options.output, text);
        else process.stdout.write(text);
      }),
    );
}
