/** Writes docs/openapi.json from the routes' schemas (npm run openapi); a test fails on drift. */
import { writeFileSync } from 'node:fs';
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

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/openapi.json', import.meta.url), await openApiDocument());
  console.log('wrote docs/openapi.json');
}
