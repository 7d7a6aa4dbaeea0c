/**
 * The Swedish interface is complete where it is used: every text a page asks t() for (and every
 * menu label) has its Swedish, and the dictionary holds nothing no page asks for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RETENTION_EFFECTS } from '../src/retention/policy.js';
import { SV } from '../web/src/locales/sv.js';

const WEB = new URL('../web/src/', import.meta.url).pathname;
const files = readdirSync(WEB, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => join(WEB, f));

/** The first argument of every t('…') or t("…") call, and the menu's labels and section titles. */
function askedFor(): Set<string> {
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g))
      keys.add((m[1] ?? m[2]!).replace(/\\(.)/g, '$1'));
    // The menu's labels and its sections' titles (['work', 'Work']).
    if (file.endsWith('App.tsx')) for (const m of source.matchAll(/\blabel: '([^']+)'|\['[a-z]+', '([^']+)'\]/g)) keys.add((m[1] ?? m[2])!);
  }
  return keys;
}

it('has Swedish for every text the interface asks for, and nothing else', () => {
  const keys = askedFor();
  expect(keys.size).toBeGreaterThan(50);
  expect([...keys].filter((k) => !(k in SV))).toEqual([]);
  expect(Object.keys(SV).filter((k) => !keys.has(k))).toEqual([]);
});

it('keeps the placeholders of a text in its Swedish', () => {
  for (const [english, swedish] of Object.entries(SV)) {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(swedish), english).toEqual(names(english));
  }
});

it('has Swedish for each retention effect exactly as the server states it, so the two cannot drift apart', () => {
  for (const effect of Object.values(RETENTION_EFFECTS)) expect(effect in SV, effect).toBe(true);
});
