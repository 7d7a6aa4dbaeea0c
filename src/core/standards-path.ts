/**
 * Where the shipped standards data is (schemas, TLP objects, warninglists): `src/core/standards`
 * of the checkout, found by walking up from this module, so the server (dist/), the tests (src/)
 * and the benchmarks (.bench/) read the same files without copying them.
 */
import { existsSync } from 'node:fs';

export function standardsUrl(path: string): URL {
  let dir = new URL('./', import.meta.url);
  for (let depth = 0; depth < 8; depth++) {
    const candidate = new URL(`src/core/standards/${path}`, dir);
    if (existsSync(candidate)) return candidate;
    dir = new URL('../', dir);
  }
  throw new Error(`the shipped standards data ${path} is missing: is src/core/standards in this checkout?`);
}
