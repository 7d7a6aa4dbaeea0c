/** Settings from the environment; every variable is listed in the README. */
import { fileURLToPath } from 'node:url';

export interface Config {
  /** postgres://… for a PostgreSQL server; unset for the embedded database. */
  databaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  /** The https:// address people reach Vakt at; used in security.txt and links. */
  publicUrl?: string;
  logLevel: string;
  /** Behind a reverse proxy: trust X-Forwarded-* (for the client address and https). */
  trustProxy: boolean;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Where the built web UI lives. */
  webDir: string;
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: env.VAKT_DATA_DIR || './data',
    host: env.VAKT_HOST || '127.0.0.1',
    port: integer(env.VAKT_PORT, 8080, 'VAKT_PORT'),
    ...(env.VAKT_PUBLIC_URL ? { publicUrl: env.VAKT_PUBLIC_URL } : {}),
    logLevel: env.VAKT_LOG_LEVEL || 'info',
    trustProxy: env.VAKT_TRUST_PROXY === 'true',
    loginRateLimit: integer(env.VAKT_LOGIN_RATE_LIMIT, 10, 'VAKT_LOGIN_RATE_LIMIT'),
    webDir: env.VAKT_WEB_DIR || fileURLToPath(new URL('../web/dist', import.meta.url)),
  };
}
