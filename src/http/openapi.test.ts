import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { clientTypes, openApiDocument } from '../../scripts/write-openapi.js';

it('docs/openapi.json and the web client types match the routes (run `npm run openapi` after changing a route)', async () => {
  const document = await openApiDocument();
  expect(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')).toBe(document);
  expect(readFileSync(new URL('../../web/src/api-schema.d.ts', import.meta.url), 'utf8')).toBe(await clientTypes(document));
});
