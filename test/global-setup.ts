/**
 * Builds what every database test starts from, once per run: a migrated PGlite data directory
 * (initdb in WASM takes seconds; loading a tarball does not) and, when VAKT_TEST_DATABASE_URL is
 * set, a migrated template database on that server. An unreachable server fails the run: the
 * PostgreSQL tests must run, not skip. It also brings `dist/` up to date (incrementally): the CLI
 * tests run the command as built, as a user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../src/db/database.js';
import { createNamedDatabase, databaseUrl, dropDatabasesLike, dropNamedDatabase } from './helpers/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const built = buildServer();
  const dir = mkdtempSync(join(tmpdir(), 'vakt-test-'));
  const pglite = await openDatabase({});
  await migrate(pglite);
  const dump = await pglite.pglite!.dumpDataDir('gzip');
  await pglite.close();
  const templatePath = join(dir, 'template.tar.gz');
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', templatePath);

  const url = process.env.VAKT_TEST_DATABASE_URL;
  let pgTemplate: string | null = null;
  if (url) {
    pgTemplate = `vakt_tpl_${process.pid}`;
    await createNamedDatabase(url, pgTemplate);
    const server = await openDatabase({ url: databaseUrl(url, pgTemplate) });
    await migrate(server);
    await server.close();
  }
  project.provide('pgTemplate', pgTemplate);
  await built;

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && pgTemplate) {
      await dropDatabasesLike(url, `vakt_t_${process.pid}_`);
      await dropNamedDatabase(url, pgTemplate);
    }
  };
}

async function buildServer(): Promise<void> {
  const root = new URL('..', import.meta.url).pathname;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root }).catch((error: { stdout?: string }) => {
    throw new Error(`the server does not build (npm run build:server):\n${error.stdout ?? String(error)}`);
  });
}
