import { setTimeout as sleep } from 'node:timers/promises';
import { totpCode } from '../../src/auth/totp.js';

/**
 * Codes of neighbouring 30-second steps, for tests that use several codes in a row (a code is
 * good once). Waits out the last two seconds of a step so no code slips out of the window.
 */
export async function totpCodes(secret: string): Promise<{ previous: string; current: string; next: string }> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 28_000) await sleep(30_000 - intoStep + 100);
  const now = Date.now();
  return { previous: totpCode(secret, now - 30_000), current: totpCode(secret, now), next: totpCode(secret, now + 30_000) };
}
