#!/usr/bin/env node
/** The `vakt` command. Exit codes: 0 ok, 1 error, 2 usage. */
import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './commands/admin.js';
import { registerConstituencyCommands } from './commands/constituency.js';
import { registerDirectoryCommands } from './commands/directory.js';
import { registerFeedCommands } from './commands/feeds.js';
import { registerMailCommands } from './commands/mail.js';
import { registerProfileCommands } from './commands/profile.js';
import { registerServerCommands } from './commands/server.js';
import { EXIT_USAGE } from './run.js';

const program = new Command('vakt')
  .description('Vakt: run a CSIRT under the Traffic Light Protocol')
  .version('0.1.0')
  .exitOverride();

registerServerCommands(program);
registerAdminCommands(program);
registerProfileCommands(program);
registerMailCommands(program);
registerDirectoryCommands(program);
registerConstituencyCommands(program);
registerFeedCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : EXIT_USAGE);
  }
  throw error;
}
