import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '../core/errors.js';

const MIN_LENGTH = 12;
/** argon2 is costly by design; a megabyte "password" must not become a denial of service. */
const MAX_LENGTH = 1024;

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < MIN_LENGTH) throw new ValidationError([{ field, reason: `must be at least ${MIN_LENGTH} characters` }]);
  if (password.length > MAX_LENGTH) throw new ValidationError([{ field, reason: `must be at most ${MAX_LENGTH} characters` }]);
}

/** argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (password.length > MAX_LENGTH) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('vakt-timing-equaliser');
  return dummyHash;
}
