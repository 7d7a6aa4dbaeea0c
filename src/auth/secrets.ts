import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** How stale last-seen / last-used times may get: a page of requests should not be a page of writes. */
export const TOUCH_INTERVAL_MS = 60_000;

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids and API tokens are stored only as this hash: a database leak yields no credential. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
