import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, registerFor } from './catalogue.js';

const names = (program: Command) => program.commands.map((c) => c.name());

describe('the command catalogue', () => {
  it('names every top-level command a module defines, with the module that defines it', async () => {
    for (const entry of CATALOGUE) {
      const name = entry.usage.split(' ')[0]!;
      const program = new Command('vakt');
      (await entry.load())(program);
      const defined = program.commands.find((c) => c.name() === name);
      expect(defined, `${name} is defined by the module the catalogue names`).toBeDefined();
      expect(defined!.description()).toBe(entry.summary);
      for (const other of names(program))
        expect(
          CATALOGUE.map((e) => e.usage.split(' ')[0]),
          `${other} is in the catalogue`,
        ).toContain(other);
    }
  });

  it('loads one module for a command, and none for help or an unknown command', async () => {
    const forLookup = new Command('vakt');
    await registerFor(forLookup, ['lookup', '192.0.2.1']);
    expect(names(forLookup)).toEqual(['constituency', 'lookup', 'ripe']);
    const forHelp = new Command('vakt');
    await registerFor(forHelp, ['help', 'users']);
    expect(names(forHelp)).toContain('users');
    expect(names(forHelp)).not.toContain('serve');
    for (const args of [[], ['--help'], ['bogus'], ['toString']]) {
      const program = new Command('vakt');
      await registerFor(program, args);
      expect(names(program)).toEqual(CATALOGUE.map((e) => e.usage.split(' ')[0]));
      expect(program.commands.every((c) => c.commands.length === 0)).toBe(true);
    }
  });
});
