/**
 * A throw-away Dovecot IMAP server (Debian's dovecot-imapd) on a free loopback port, with one
 * user and a maildir in a temporary directory. Tests put mail in with IMAP APPEND.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import type { MailboxSpec } from '../../src/intake/imap-poller.js';

const DOVECOT = '/usr/sbin/dovecot';

export interface Dovecot {
  spec: MailboxSpec;
  dir: string;
  stop(): void;
  append(messages: readonly Buffer[]): Promise<void>;
  /** UIDs carrying a flag or keyword. */
  flagged(flag: string): Promise<number>;
  count(): Promise<number>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, port: number): string {
  return `protocols = imap
first_valid_uid = 1
first_valid_gid = 1
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
mail_location = maildir:${dir}/mail/%u
default_login_user = dovenull
default_internal_user = dovecot
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=mail gid=mail home=${dir}/mail/%u
}
`;
}

export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error('Dovecot is not installed: apt-get install -y dovecot-imapd (npm test does this as root)');
  const dir = mkdtempSync(join(tmpdir(), 'vakt-dovecot-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  execFileSync('chown', ['-R', 'mail:mail', join(dir, 'mail')]);
  const port = await freePort();
  writeFileSync(join(dir, 'passwd'), 'analyst:{PLAIN}secret::::::\n');
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, port));
  // Dovecot daemonises; its children would hold a pipe open, so no stdio is attached.
  execFileSync(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const spec: MailboxSpec = {
    name: 'test',
    host: '127.0.0.1',
    port,
    secure: false,
    username: 'analyst',
    password: 'secret',
    folder: 'INBOX',
  };

  const withClient = async <T>(body: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: spec.host,
      port,
      secure: false,
      auth: { user: spec.username, pass: spec.password },
      logger: false,
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await client.connect();
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await sleep(100);
      }
    }
    try {
      return await body(client);
    } finally {
      await client.logout();
    }
  };

  return {
    spec,
    dir,
    stop() {
      try {
        execFileSync(DOVECOT, ['-c', join(dir, 'dovecot.conf'), 'stop'], { stdio: 'ignore' });
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
    append: (messages) =>
      withClient(async (client) => {
        for (const message of messages) await client.append('INBOX', message);
      }),
    flagged: (flag) =>
      withClient(async (client) => {
        await client.mailboxOpen('INBOX');
        const found = await client.search({ keyword: flag }, { uid: true });
        return found ? found.length : 0;
      }),
    count: () =>
      withClient(async (client) => {
        const status = await client.status('INBOX', { messages: true });
        return status ? (status.messages ?? 0) : 0;
      }),
  };
}
