/**
 * Every message Vakt's modules write into a problem has its Swedish, found in the source as a
 * person would: the reasons of field issues, the messages of VaktErrors and what notFound() names.
 * A message added without Swedish, or Swedish left for a message no longer written, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localizedDetail, localizedText } from './problem-language.js';
import { SV_PROBLEM_MESSAGES } from './problem-messages-sv.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));
// Only the command line writes these; it speaks English.
const CLI_ONLY = ['cli/', 'ripe/', 'db/'];
const LITERAL = String.raw`('(?:[^'\\]|\\.)*'|\`(?:[^\`\\]|\\.)*\`)`;
const WRITERS = [
  new RegExp(String.raw`new VaktError\(\s*'[a-z-]+',\s*${LITERAL}`, 'g'),
  new RegExp(String.raw`reason:\s*${LITERAL}`, 'g'),
  new RegExp(String.raw`notFound\(\s*${LITERAL}`, 'g'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The messages written in the source, each value in it as {} (those built from nested templates are left out). */
function writtenMessages(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const where = relative(SRC, file);
    const text = readFileSync(file, 'utf8');
    for (const writer of WRITERS) {
      for (const match of text.matchAll(writer)) {
        const message = match[1]!
          .slice(1, -1)
          .replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '{}')
          .replace(/\\'/g, "'");
        if (message.includes('${')) continue;
        found.set(message, [...(found.get(message) ?? []), where]);
      }
    }
  }
  return new Map([...found].filter(([, files]) => files.some((f) => !CLI_ONLY.some((dir) => f.startsWith(dir)))));
}

describe('Swedish for the problems the modules write', () => {
  const written = writtenMessages();

  it('has every message the source writes, and no message it no longer writes', () => {
    expect(written.size).toBeGreaterThan(200);
    expect([...written.keys()].filter((m) => SV_PROBLEM_MESSAGES[m] === undefined)).toEqual([]);
    expect(Object.keys(SV_PROBLEM_MESSAGES).filter((m) => !written.has(m))).toEqual([]);
  });

  it('keeps every value of a message', () => {
    for (const [english, swedish] of Object.entries(SV_PROBLEM_MESSAGES))
      expect(swedish.split('{}').length, english).toBe(english.split('{}').length);
  });

  it('translates a message with its values, and the values that are messages themselves', () => {
    expect(localizedText('feed shadowserver-scans is at version 3, not 2', 'sv')).toBe('flödet shadowserver-scans har version 3, inte 2');
    expect(localizedText('task not found', 'sv')).toBe('uppgift hittades inte');
    expect(localizedText('incident #12: a change of priority needs a reason', 'sv')).toBe(
      'incident #12: en ändrad prioritet behöver ett skäl',
    );
    expect(localizedText('an incident in triage can move to containment, not to closed', 'sv')).toBe(
      'en incident i fasen triage kan gå till containment, inte till closed',
    );
  });

  it('leaves English as it is, and a text it does not know unchanged', () => {
    expect(localizedText('task not found', 'en')).toBe('task not found');
    expect(localizedText('something nobody wrote', 'sv')).toBe('something nobody wrote');
    expect(localizedText('', 'sv')).toBe('');
  });

  it("translates a validation's detail through its first issue", () => {
    const issues = [{ field: 'reason', reason: 'is required' }];
    expect(localizedDetail('priority change: reason: is required', issues, 'sv')).toBe('priority change: reason: krävs');
    expect(localizedDetail('reason: must be a string', [{ field: 'reason', reason: 'must be a string' }], 'sv')).toBe(
      'reason: måste vara av typen string',
    );
  });

  it('leaves a hostile detail as it is: too long, or values nested too deep', () => {
    const long = `${'a: '.repeat(400)}task not found`;
    expect(localizedText(long, 'sv')).toBe(long);
    // Values are looked into three levels deep; a message nested deeper is left in English.
    expect(localizedText('x: y: a change of priority needs a reason', 'sv')).toBe('x: y: en ändrad prioritet behöver ett skäl');
    expect(localizedText('w: x: y: z: a change of priority needs a reason', 'sv')).toBe('w: x: y: z: a change of priority needs a reason');
  });
});
