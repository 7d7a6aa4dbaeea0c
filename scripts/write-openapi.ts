/**
 * Writes docs/openapi.json from the routes' schemas, and from it the web client's types
 * (web/src/api-schema.d.ts, openapi-typescript), with `npm run openapi`; a test fails on drift.
 */
import { writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';

export async function openApiDocument(): Promise<string> {
  const database = await openDatabase({});
  const app = await buildApp({ database, config: { ...loadConfig({}), webDir: '/nonexistent' } });
  await app.ready();
  const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await database.close();
  return document;
}

/** The TypeScript types of DOCUMENT's paths and schemas, as the web client imports them. */
export async function clientTypes(document: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]);
  return `// Generated from docs/openapi.json by \`npm run openapi\`; do not edit.\n${astToString(ast)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const document = await openApiDocument();
  writeFileSync(new URL('../docs/openapi.json', import.meta.url), document);
  writeFileSync(new URL('../web/src/api-schema.d.ts', import.meta.url), await clientTypes(document));
  console.log('wrote docs/openapi.json and web/src/api-schema.d.ts');
}
