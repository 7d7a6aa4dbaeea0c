import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { TeamKey } from '../mail/pgp.js';

export interface AppContext {
  database: Database;
  config: Config;
  /** The team's private key, loaded at start from VAKT_PGP_KEY_FILE: signs and decrypts mail. */
  teamKey?: TeamKey;
}

declare module 'fastify' {
  interface FastifyInstance {
    vakt: AppContext;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** Set when the principal came from a session cookie: unsafe methods must echo it. */
    csrfToken: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call (health, login, public documents). */
    public?: boolean;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
