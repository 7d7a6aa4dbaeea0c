import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openApiDocument } from '../../scripts/write-openapi.js';

it('docs/openapi.json matches the routes (run `npm run openapi` after changing a route)', async () => {
  expect(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')).toBe(await openApiDocument());
});
