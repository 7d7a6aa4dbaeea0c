/** Settings from the environment; every variable is listed in the README. */
import { join } from 'node:path';
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
  /** Whether feeds may fetch URLs on private, loopback or link-local addresses. */
  feedPrivateUrls: boolean;
  /** Where feeds with a file source may read. */
  feedDir: string;
  /** Where the built web UI lives. */
  webDir: string;
  mail: MailConfig;
}

export interface MailConfig {
  /** imap://user:password@host:port/INBOX (imaps:// for TLS): a mailbox to poll besides those set through the API. */
  imapUrl?: string;
  /** smtp://user:password@host:port (smtps:// for TLS): where outgoing mail goes. Unset: mail is queued, not sent. */
  smtpUrl?: string;
  /** host:port to accept mail on directly over SMTP. */
  smtpListen?: string;
  /** The From address of outgoing mail; default: the team profile's address. */
  from?: string;
  /** The team's armoured private key, and its passphrase. */
  pgpKeyFile?: string;
  pgpPassphrase?: string;
  autoAcknowledge: boolean;
  /** A file with the acknowledgement text ({team}, {tag}, {subject}, {tlp} are filled in). */
  ackTemplateFile?: string;
  maxMessageBytes: number;
  maxAttachmentBytes: number;
  /** Seconds between polls when the server offers no IDLE, and between outbox runs. */
  pollSeconds: number;
  /** Where links in outgoing mail (notification feedback) point: VAKT_PUBLIC_URL, else the address served. */
  linkBase: string;
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env.VAKT_PORT, 8080, 'VAKT_PORT');
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: env.VAKT_DATA_DIR || './data',
    host: env.VAKT_HOST || '127.0.0.1',
    port,
    ...(env.VAKT_PUBLIC_URL ? { publicUrl: env.VAKT_PUBLIC_URL } : {}),
    logLevel: env.VAKT_LOG_LEVEL || 'info',
    trustProxy: env.VAKT_TRUST_PROXY === 'true',
    loginRateLimit: integer(env.VAKT_LOGIN_RATE_LIMIT, 10, 'VAKT_LOGIN_RATE_LIMIT'),
    feedPrivateUrls: env.VAKT_FEED_PRIVATE_URLS === 'true',
    feedDir: env.VAKT_FEED_DIR || join(env.VAKT_DATA_DIR || './data', 'feeds'),
    webDir: env.VAKT_WEB_DIR || fileURLToPath(new URL('../web/dist', import.meta.url)),
    mail: {
      ...(env.VAKT_IMAP_URL ? { imapUrl: env.VAKT_IMAP_URL } : {}),
      ...(env.VAKT_SMTP_URL ? { smtpUrl: env.VAKT_SMTP_URL } : {}),
      ...(env.VAKT_SMTP_LISTEN ? { smtpListen: env.VAKT_SMTP_LISTEN } : {}),
      ...(env.VAKT_MAIL_FROM ? { from: env.VAKT_MAIL_FROM } : {}),
      ...(env.VAKT_PGP_KEY_FILE ? { pgpKeyFile: env.VAKT_PGP_KEY_FILE } : {}),
      ...(env.VAKT_PGP_PASSPHRASE ? { pgpPassphrase: env.VAKT_PGP_PASSPHRASE } : {}),
      autoAcknowledge: env.VAKT_AUTO_ACK !== 'false',
      ...(env.VAKT_ACK_TEMPLATE_FILE ? { ackTemplateFile: env.VAKT_ACK_TEMPLATE_FILE } : {}),
      maxMessageBytes: integer(env.VAKT_MAIL_MAX_BYTES, 64 * 1024 * 1024, 'VAKT_MAIL_MAX_BYTES'),
      maxAttachmentBytes: integer(env.VAKT_ATTACHMENT_MAX_BYTES, 25 * 1024 * 1024, 'VAKT_ATTACHMENT_MAX_BYTES'),
      pollSeconds: integer(env.VAKT_MAIL_POLL_SECONDS, 30, 'VAKT_MAIL_POLL_SECONDS'),
      linkBase: (env.VAKT_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    },
  };
}

/**
 * The configuration of a server listening at HOST:PORT (given on the command line): without
 * VAKT_PUBLIC_URL, links in mail point there.
 */
export function servedAt(config: Config, host: string, port: number, env: NodeJS.ProcessEnv = process.env): Config {
  if (env.VAKT_PUBLIC_URL) return { ...config, host, port };
  const name = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { ...config, host, port, mail: { ...config.mail, linkBase: `http://${name}:${port}` } };
}
