import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { startDovecot, type Dovecot } from '../../test/helpers/dovecot.js';
import { saveFeed } from './feeds.js';
import { fetchFeedUrl, isPublicAddress } from './fetch-url.js';
import { FEED_KEYWORD, runFeed } from './runner.js';

const sample = (name: string) => readFileSync(new URL(`../../test/fixtures/shadowserver/${name}`, import.meta.url));

/** A Shadowserver report mail: text, the report as a CSV attachment and a gzipped one, a PDF to leave alone. */
function reportMail(): Buffer {
  const b = 'vakt-boundary';
  const part = (name: string, type: string, content: Buffer) =>
    [
      `--${b}`,
      `Content-Type: ${type}; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      content.toString('base64'),
    ].join('\r\n');
  return Buffer.from(
    [
      'From: Shadowserver <autoreports@shadowserver.org>',
      'To: cert@team.test',
      'Subject: [Shadowserver] report',
      `Message-ID: <report-${Date.now()}@shadowserver.test>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain',
      '',
      'Your daily reports are attached.',
      part('2026-11-20-scan_rdp-sweden-geo.csv', 'text/csv', sample('scan_rdp.csv')),
      part('2026-11-20-scan_ntp-sweden-geo.csv.gz', 'application/gzip', gzipSync(sample('scan_ntp.csv'))),
      part('terms.pdf', 'application/pdf', Buffer.from('%PDF-1.4')),
      `--${b}--`,
    ].join('\r\n'),
  );
}

describeEachEngine('feed sources', (get) => {
  let dovecot: Dovecot;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dovecot = await startDovecot();
    server = createServer((request, response) => {
      if (request.url === '/scan_http.csv.gz')
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(gzipSync(sample('scan_http.csv')));
      else if (request.url === '/latest') response.writeHead(302, { location: '/scan_http.csv.gz' }).end();
      else if (request.url === '/loop') response.writeHead(302, { location: '/loop' }).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    dovecot?.stop();
    server?.close();
  });

  it('reads the attachments of new mail in an IMAP folder once, flagging the mail after its runs', async () => {
    const { db } = get();
    const { spec } = dovecot;
    await db
      .insertInto('mailboxes')
      .values({
        name: 'intake',
        host: spec.host,
        port: spec.port,
        secure: false,
        username: spec.username,
        password: spec.password,
        folder: 'INBOX',
      })
      .execute();
    const feed = await saveFeed(db, 'system:test', {
      name: 'shadowserver-mail',
      format: 'shadowserver',
      source: { kind: 'imap', mailbox: 'intake', folder: 'INBOX' },
      tlp: 'AMBER',
    });
    await dovecot.append([reportMail()]);
    const runs = await runFeed(db, feed, { actor: 'system:test' });
    expect(runs.map((r) => [r.report, r.rows, r.events])).toEqual([
      ['scan_rdp', 2, 2],
      ['scan_ntp', 3, 3],
    ]);
    expect(runs[0]!.badRows).toEqual([]);
    expect(await dovecot.flagged(FEED_KEYWORD)).toBe(1);
    expect(await runFeed(db, feed, { actor: 'system:test' })).toEqual([]);
  });

  it('downloads a gzipped report over HTTP through a redirect, and reports a source that is not there', async () => {
    const { db } = get();
    const inside = { actor: 'system:test', allowPrivateUrls: true };
    const feed = await saveFeed(db, 'system:test', {
      name: 'http-feed',
      format: 'shadowserver',
      source: { kind: 'url', url: `${base}/latest` },
      tlp: 'GREEN',
    });
    const [run] = await runFeed(db, feed, inside);
    expect(run).toMatchObject({ report: 'scan_http', rows: 2, events: 2, malformed: 0 });
    const missing = await saveFeed(db, 'system:test', {
      name: 'http-missing',
      format: 'shadowserver',
      source: { kind: 'url', url: `${base}/nothing.csv` },
      tlp: 'GREEN',
    });
    await expect(runFeed(db, missing, inside)).rejects.toThrow(/HTTP 404/);
    const looping = await saveFeed(db, 'system:test', {
      name: 'http-loop',
      format: 'shadowserver',
      source: { kind: 'url', url: `${base}/loop` },
      tlp: 'GREEN',
    });
    await expect(runFeed(db, looping, inside)).rejects.toThrow(/more than 5 redirects/);
    // Unless the operator allows it, the server fetches nothing only it can reach.
    await expect(runFeed(db, feed, { actor: 'system:test' })).rejects.toThrow(
      /127\.0\.0\.1 is 127\.0\.0\.1, not a public address; set VAKT_FEED_PRIVATE_URLS=true/,
    );
    await expect(fetchFeedUrl('http://localhost:1/', { allowPrivate: false, timeoutMs: 1000 })).rejects.toThrow(/not a public address/);
    await expect(fetchFeedUrl('file:///etc/passwd', { allowPrivate: false, timeoutMs: 1000 })).rejects.toThrow(/only http and https/);
    const upload = await saveFeed(db, 'system:test', { name: 'by-hand', format: 'shadowserver', source: { kind: 'upload' }, tlp: 'GREEN' });
    await expect(runFeed(db, upload, { actor: 'system:test' })).rejects.toThrow(/takes uploaded files/);
  });
});

describeEachEngine('feed file sources', (get) => {
  it('reads a file in the feed directory, and nothing outside it', async () => {
    const { db } = get();
    const root = mkdtempSync(join(tmpdir(), 'vakt-feeds-'));
    try {
      const feedDir = join(root, 'feeds');
      mkdirSync(join(feedDir, 'shadowserver'), { recursive: true });
      writeFileSync(join(feedDir, 'shadowserver', '2026-11-20-scan_ntp.csv'), sample('scan_ntp.csv'));
      writeFileSync(join(root, 'secret.key'), '-----BEGIN PGP PRIVATE KEY BLOCK-----\n');
      symlinkSync(join(root, 'secret.key'), join(feedDir, 'key.csv'));
      const source = (path: string) =>
        saveFeed(db, 'system:test', {
          name: `file-${path.replace(/[^a-z0-9]/g, '-')}`.slice(0, 60),
          format: 'shadowserver',
          source: { kind: 'file', path },
          tlp: 'AMBER',
        });
      const [run] = await runFeed(db, await source('shadowserver/2026-11-20-scan_ntp.csv'), { actor: 'system:test', feedDir });
      expect(run).toMatchObject({ report: 'scan_ntp', rows: 3, malformed: 0 });
      for (const path of ['../secret.key', join(root, 'secret.key'), 'key.csv']) {
        await expect(runFeed(db, await source(path), { actor: 'system:test', feedDir }), path).rejects.toThrow(
          /outside the feed directory/,
        );
      }
      await expect(runFeed(db, await source('missing.csv'), { actor: 'system:test', feedDir })).rejects.toThrow(
        /no such file in the feed directory/,
      );
      await expect(runFeed(db, await source('shadowserver/2026-11-20-scan_ntp.csv'), { actor: 'system:test' })).rejects.toThrow(
        /none is set \(VAKT_FEED_DIR\)/,
      );
      expect(await db.selectFrom('feed_runs').select('id').where('feed_name', 'like', 'file-%').execute()).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('public addresses for feed URLs', () => {
  it('tells the Internet from loopback, private, link-local and other special-use addresses', () => {
    for (const address of ['8.8.8.8', '193.0.6.139', '2001:4860:4860::8888', '2a00:1450:400f:80d::200e'])
      expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '192.0.2.1',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '64:ff9b::a00:1',
      'localhost',
      '',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
