/**
 * Problems in the reader's language: the web client sends its user's language as Accept-Language,
 * and the title, the schema's findings and the generic reasons come back in Swedish; English is
 * what anyone else (the CLI, a script, a browser in another language) gets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';
import { problemLanguage } from './problem-language.js';

interface Problem {
  title: string;
  detail: string;
  errors: Array<{ field: string; reason: string }>;
}

const asked = (header?: string) =>
  problemLanguage({ headers: header === undefined ? {} : { 'accept-language': header } } as FastifyRequest);

describe('the language a problem is written in', () => {
  it('follows Accept-Language by its weights, and falls back to English', () => {
    expect(asked('sv')).toBe('sv');
    expect(asked('sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(asked('en;q=0.9, sv;q=0.5')).toBe('en');
    expect(asked('de-DE, sv;q=0.3')).toBe('sv');
    expect(asked('sv;q=0')).toBe('en');
    expect(asked()).toBe('en');
  });

  it('takes a hostile header for no language at all', () => {
    for (const header of ['', ';;;,,,', 'sv;q=abc', '*', 'x'.repeat(100_000), 'sv\u0000', '<script>sv</script>']) {
      expect(['en', 'sv']).toContain(asked(header));
    }
    // A weight it cannot read is no refusal.
    expect(asked('sv;q=abc')).toBe('sv');
  });
});

describeEachEngine("problems in the reader's language", (get) => {
  const { loginAs } = useApp(get);
  let manager: Client;
  beforeAll(async () => {
    manager = await loginAs('incident-manager');
  });

  const refused = async (language: string | undefined, payload: object) => {
    const response = await manager.request({
      method: 'POST',
      url: '/api/incident-templates',
      payload,
      headers: language ? { 'accept-language': language } : {},
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json<Problem>();
  };

  it('answers a Swedish reader in Swedish: title, missing fields, unknown fields and the schema’s own findings', async () => {
    const sv = await refused('sv', { name: '', rsitClass: 'fraud', unexpected: 1 });
    expect(sv.title).toBe('Inmatningen är inte giltig');
    const reasons = Object.fromEntries(sv.errors.map((e) => [e.field, e.reason]));
    expect(reasons.priority).toBe('krävs');
    expect(reasons.unexpected).toBe('okänt fält');
    // ajv-i18n's Swedish for a string that is too short.
    expect(reasons.name).toMatch(/tecken/);
    expect(sv.detail).toMatch(/krävs|tecken|okänt fält/);
  });

  it('answers everyone else in English', async () => {
    for (const language of [undefined, 'en', 'de-DE']) {
      const en = await refused(language, { name: '', rsitClass: 'fraud', unexpected: 1 });
      expect(en.title).toBe('The input is not valid');
      const reasons = Object.fromEntries(en.errors.map((e) => [e.field, e.reason]));
      expect(reasons.priority).toBe('is required');
      expect(reasons.unexpected).toBe('unknown field');
      expect(reasons.name).toMatch(/characters/);
    }
  });

  it('translates the title of a problem that is no schema finding too', async () => {
    const missing = await manager.request({
      method: 'GET',
      url: '/api/incidents/999999999',
      headers: { 'accept-language': 'sv' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<Problem>().title).toBe('Posten finns inte');
  });
});
