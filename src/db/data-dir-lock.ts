/**
 * PGlite is a single-process database: two processes on one data directory would corrupt it.
 * A lock file with the owner's pid keeps a second `vakt` out with a clear message; a lock left
 * by a process that died is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { VaktError } from '../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'vakt.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new VaktError(
          'conflict',
          `the embedded database in ${dataDir} is in use by process ${owner}; stop it first, or use DATABASE_URL=postgres://… to run several processes`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new VaktError('conflict', `could not lock ${dataDir}`);
}
