/**
 * The short configuration lists (feeds, mailboxes, incident templates) page by a cursor like every
 * other list: none is answered whole, pages neither skip nor repeat, and a bad cursor or an unknown
 * parameter is a 400.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';

interface Page {
  next: string | null;
  [list: string]: unknown;
}

describeEachEngine('configuration lists page by a cursor', (get) => {
  const { loginAs } = useApp(get);
  let admin: Client;

  beforeAll(async () => {
    admin = await loginAs('admin');
    for (const name of ['gamma', 'alpha', 'beta']) {
      const feed = await admin.request({
        method: 'PUT',
        url: `/api/feeds/${name}`,
        payload: { name, format: 'shadowserver', source: { kind: 'upload' }, tlp: 'GREEN', notify: 'immediately', dedupHours: 24 },
      });
      expect(feed.statusCode, feed.body).toBe(200);
      const mailbox = await admin.request({
        method: 'POST',
        url: '/api/mailboxes',
        payload: { name: `${name} inbox`, host: '127.0.0.1', port: 993, secure: true, username: name, password: 'not used here' },
      });
      expect(mailbox.statusCode, mailbox.body).toBe(201);
    }
    for (const [rsitClass, rsitType] of [
      ['fraud', 'phishing'],
      ['abusive-content', 'spam'],
      ['malicious-code', 'infected-system'],
    ] as const) {
      const template = await admin.request({
        method: 'POST',
        url: '/api/incident-templates',
        payload: { name: `${rsitType} template`, rsitClass, rsitType, priority: 'normal', tlp: 'AMBER', tasks: [] },
      });
      expect(template.statusCode, template.body).toBe(201);
    }
  });

  /** Every page of URL, two rows at a time, and the names of the rows in the order they came. */
  async function walk(url: string, list: string, name: (row: Record<string, unknown>) => string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = '';
    for (let pages = 0; after !== null; pages++) {
      expect(pages).toBeLessThan(5);
      const response = await admin.request({ method: 'GET', url: `${url}?limit=2${after ? `&after=${after}` : ''}` });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Page>();
      const rows = page[list] as Array<Record<string, unknown>>;
      expect(rows.length).toBeLessThanOrEqual(2);
      seen.push(...rows.map(name));
      after = page.next;
    }
    return seen;
  }

  it('pages the feeds by name', async () => {
    expect(await walk('/api/feeds', 'feeds', (f) => String(f.name))).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('pages the mailboxes by name, without their passwords', async () => {
    expect(await walk('/api/mailboxes', 'mailboxes', (m) => String(m.name))).toEqual(['alpha inbox', 'beta inbox', 'gamma inbox']);
    const first = (await admin.request({ method: 'GET', url: '/api/mailboxes?limit=1' })).json<{ mailboxes: object[] }>();
    expect(Object.keys(first.mailboxes[0]!)).not.toContain('password');
    expect(Object.keys(first.mailboxes[0]!)).not.toContain('sort_key');
  });

  it('pages the incident templates by RSIT class and type', async () => {
    expect(await walk('/api/incident-templates', 'templates', (t) => `${String(t.rsitClass)}/${String(t.rsitType)}`)).toEqual([
      'abusive-content/spam',
      'fraud/phishing',
      'malicious-code/infected-system',
    ]);
  });

  it('refuses a cursor it did not give and a parameter it does not know', async () => {
    for (const url of ['/api/feeds', '/api/mailboxes', '/api/incident-templates']) {
      const forged = await admin.request({ method: 'GET', url: `${url}?after=${Buffer.from('["x"]').toString('base64url')}` });
      expect(forged.statusCode, url).toBe(400);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      expect((await admin.request({ method: 'GET', url: `${url}?sort=name` })).statusCode, url).toBe(400);
      expect((await admin.request({ method: 'GET', url: `${url}?limit=501` })).statusCode, url).toBe(400);
    }
  });
});
