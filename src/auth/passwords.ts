import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { ValidationError, VaktError } from '../core/errors.js';

/*
 * argon2 takes ~19 MiB and tens of milliseconds of a core per hash by design. Unbounded, 128
 * logins at once hold every core and every other request waits behind them; so hashes run at most
 * half the cores at a time, the rest queue (in order), and past a queue of 256 a login is refused
 * at once as busy rather than held for seconds.
 */
export const HASH_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2));
const MAX_QUEUED = 256;
let concurrency = HASH_CONCURRENCY;

/** For the benchmark's baseline (unbounded: Infinity); the product runs with HASH_CONCURRENCY. */
export function setHashConcurrency(limit: number): void {
  concurrency = limit;
}
let running = 0;
let peak = 0;
const waiting: Array<() => void> = [];

async function hashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= concurrency) {
    if (waiting.length >= MAX_QUEUED) throw new VaktError('unavailable', 'too many logins at once; try again in a moment');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  peak = Math.max(peak, running);
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The most hashes that ran at once since the last call (for tests and benchmarks). */
export function takePeakHashing(): number {
  const value = peak;
  peak = running;
  return value;
}

const MIN_LENGTH = 12;
/** argon2 is costly by design; a megabyte "password" must not become a denial of service. */
const MAX_LENGTH = 1024;

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < MIN_LENGTH) throw new ValidationError([{ field, reason: `must be at least ${MIN_LENGTH} characters` }]);
  if (password.length > MAX_LENGTH) throw new ValidationError([{ field, reason: `must be at most ${MAX_LENGTH} characters` }]);
}

/** argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hashSlot(() => hash(password));
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (password.length > MAX_LENGTH) return false;
  // Busy is not a wrong password: only the hash itself failing (a malformed stored hash) is.
  return hashSlot(async () => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  });
}

/** Verified against when the user does not exist, so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('vakt-timing-equaliser');
  return dummyHash;
}
