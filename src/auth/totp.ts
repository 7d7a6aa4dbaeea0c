/** Optional second factor: RFC 6238 time-based one-time codes (otpauth). */
import { Secret, TOTP } from 'otpauth';

function totpFor(secret: string, label = 'user'): TOTP {
  return new TOTP({ issuer: 'Vakt', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

const PERIOD_MS = 30_000;

/**
 * Accepts the current code and one step either side, for clocks that drift, and returns the
 * time step it belongs to (null when wrong). Callers refuse a step at or below the last one
 * accepted, so a code cannot be used twice (RFC 6238, section 5.2).
 */
export function verifyTotp(secret: string, code: string, timestamp = Date.now()): number | null {
  if (!/^\d{6}$/.test(code.trim())) return null;
  const delta = totpFor(secret).validate({ token: code.trim(), window: 1, timestamp });
  return delta === null ? null : Math.floor(timestamp / PERIOD_MS) + delta;
}

export function totpCode(secret: string, timestamp = Date.now()): string {
  return totpFor(secret).generate({ timestamp });
}
