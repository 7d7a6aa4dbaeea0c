#!/usr/bin/env node
/** The `vakt` command. Exit codes: 0 ok, 1 error, 2 usage. */
import { Command, CommanderError } from 'commander';
import { registerFor } from './commands/catalogue.js';
import { EXIT_USAGE } from './run.js';

const program = new Command('vakt').description('Vakt: run a CSIRT under the Traffic Light Protocol').version('0.1.0').exitOverride();

await registerFor(program, process.argv.slice(2));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(
      error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : EXIT_USAGE,
    );
  }
  throw error;
}
