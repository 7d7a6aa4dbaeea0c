/**
 * Telling the constituency of a published advisory: the organisations whose product inventory it
 * matches, in their language, signed (and encrypted where a key is known), withheld where TLP
 * forbids; their answers through the link, the share not yet patched, and one reminder.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { sampleContent } from '../../test/helpers/advisories.js';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { testSettings } from '../../test/helpers/mail.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { createOrganisation } from '../constituency/organisations.js';
import { saveProfile } from '../profile/service.js';
import { sendAdvisoryReminders } from './notify.js';

const key = await makeKey('CERT Stockholm', 'cert@cert-stockholm.test');
const contactKey = await makeKey('Water works SOC', 'soc@water.test');
const ROUTER_20 = 'cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*';

interface Recipients {
  organisations: Array<{
    organisation: string;
    status: string;
    reason: string | null;
    matched: string[];
    answer: { verdict: string; comment: string } | null;
  }>;
  told: number;
  answered: number;
  notPatched: number;
}

describeEachEngine('telling the constituency of an advisory', (get) => {
  const { app, loginAs } = useApp(get, { publicUrl: 'https://cert.example.se' }, { teamKey: key.teamKey });
  let analyst: Client;
  let manager: Client;
  let authoredId = '';

  beforeAll(async () => {
    const { db } = get();
    await saveProfile(db, 'system:test', loadProfileFixture('cert-stockholm'));
    analyst = await loginAs('analyst');
    manager = await loginAs('incident-manager');
    const reviewer = await loginAs('analyst');
    const org = (
      name: string,
      email: string,
      language: 'sv' | 'en',
      products: string[],
      tlpClearance: 'AMBER' | 'GREEN' = 'AMBER',
      pgpKey?: string,
    ) =>
      createOrganisation(db, 'system:test', {
        name,
        tlpClearance,
        products,
        contacts: [{ role: 'security', email, language, ...(pgpKey ? { pgpKey } : {}) }],
      });
    await org('Water works', 'soc@water.test', 'sv', [ROUTER_20, 'pkg:npm/left-pad@1.3.0'], 'AMBER', contactKey.armoredPublic);
    await org('Harbour', 'it@harbour.test', 'en', ['cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*']);
    await org('Library', 'it@library.test', 'en', ['cpe:2.3:a:other:catalogue:1.0:*:*:*:*:*:*:*']);
    await org('School', 'it@school.test', 'en', [ROUTER_20], 'GREEN');
    const products: Record<string, string> = {};
    for (const version of ['2.0', '2.1']) {
      const res = await analyst.request({
        method: 'POST',
        url: '/api/products',
        payload: { vendor: 'Example', name: 'Router', version, cpe: `cpe:2.3:o:example:router_firmware:${version}:*:*:*:*:*:*:*` },
      });
      products[version] = res.json<{ id: string }>().id;
    }
    const created = await analyst.request({
      method: 'POST',
      url: '/api/authored-advisories',
      payload: sampleContent({ affected: products['2.0']!, fixed: products['2.1']! }, 'AMBER'),
    });
    authoredId = created.json<{ id: string }>().id;
    await analyst.request({ method: 'POST', url: `/api/authored-advisories/${authoredId}/submit` });
    await reviewer.request({ method: 'POST', url: `/api/authored-advisories/${authoredId}/review`, payload: { decision: 'approve' } });
  }, 60_000);

  it(
    'tells the organisations whose inventory names an affected product, in their language, and withholds what TLP forbids',
    { timeout: 60_000 },
    async () => {
      const res = await manager.request({
        method: 'POST',
        url: `/api/authored-advisories/${authoredId}/publish`,
        payload: { audience: 'inventory' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const told = res.json<{ told: Array<{ organisation: string; status: string; reason: string | null; matched: string[] }> }>().told;
      expect(told.map((t) => [t.organisation, t.status])).toEqual([
        ['Harbour', 'queued'],
        ['School', 'withheld'],
        ['Water works', 'queued'],
      ]);
      expect(told.find((t) => t.organisation === 'Water works')?.matched).toEqual([ROUTER_20]);
      expect(told.find((t) => t.organisation === 'School')?.reason).toMatch(/^TLP refuses/);

      const mails = await get()
        .db.selectFrom('messages')
        .selectAll()
        .where('direction', '=', 'out')
        .where('subject', 'like', '%CERT-STHLM-SA-%')
        .orderBy('to_addresses')
        .execute();
      expect(mails.map((m) => m.to_addresses)).toEqual([['it@harbour.test'], ['soc@water.test']]);
      const [harbour, water] = mails as [(typeof mails)[number], (typeof mails)[number]];
      expect(harbour.subject).toMatch(/^\[TLP:AMBER\] \[CERT-STHLM\] CERT-STHLM-SA-\d{4}-\d{4}: Remote code execution/);
      expect(harbour.body_text).toContain('You receive this because your product inventory lists:');
      expect(harbour.body_text).toContain('CVE-2026-12345 (CVSS 3.1 9.8 CRITICAL)');
      expect(harbour.body_text).toMatch(/https:\/\/cert\.example\.se\/advisory-feedback\/[A-Za-z0-9_-]{32}/);
      expect(harbour.body_text).toContain('https://cert.example.se/.well-known/csaf/amber/');
      expect(water.body_text).toContain('Ni får detta eftersom er produktförteckning tar upp:');
      expect(harbour.pgp_signature).toBe('signed');
      expect(water.pgp_encryption).toBe('encrypted');
    },
  );

  it('takes answers through the link, shows each organisation’s newest, and counts those not yet patched', async () => {
    const token = async (to: string) =>
      /advisory-feedback\/([A-Za-z0-9_-]+)/.exec(
        (
          await get()
            .db.selectFrom('messages')
            .select('body_text')
            .where('subject', 'like', '%CERT-STHLM-SA-%')
            .where((eb) => eb(eb.val(to), '=', eb.fn.any('to_addresses')))
            .executeTakeFirstOrThrow()
        ).body_text,
      )![1]!;
    const water = await token('soc@water.test');
    const page = await app().inject({ url: `/advisory-feedback/${water}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Water works');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const form = (verdict: string, comment = '') => ({
      method: 'POST' as const,
      url: `/advisory-feedback/${water}`,
      payload: new URLSearchParams({ verdict, comment }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await app().inject(form('exploded'))).statusCode).toBe(400);
    expect((await app().inject({ url: '/advisory-feedback/AAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    let status = (await analyst.request({ url: `/api/authored-advisories/${authoredId}/recipients` })).json<Recipients>();
    expect(status).toMatchObject({ told: 2, answered: 0, notPatched: 2 });
    expect((await app().inject(form('affected', 'Two routers at the <b>pumping</b> station'))).statusCode).toBe(200);
    expect((await app().inject(form('patched', 'Updated to 2.1'))).statusCode).toBe(200);
    status = (await analyst.request({ url: `/api/authored-advisories/${authoredId}/recipients` })).json<Recipients>();
    expect(status).toMatchObject({ told: 2, answered: 1, notPatched: 1 });
    expect(status.organisations.find((o) => o.organisation === 'Water works')?.answer).toMatchObject({
      verdict: 'patched',
      comment: 'Updated to 2.1',
    });
    expect(status.organisations.find((o) => o.organisation === 'School')).toMatchObject({ status: 'withheld', answer: null });
  });

  it('reminds once, after the set days, those that have not answered', async () => {
    const { db } = get();
    const settings = testSettings({ shortName: 'CERT-STHLM' }, key.teamKey);
    expect(await sendAdvisoryReminders(db, settings, 'https://cert.example.se', 7)).toBe(0);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await sendAdvisoryReminders(db, settings, 'https://cert.example.se', 7, later)).toBe(1);
    expect(await sendAdvisoryReminders(db, settings, 'https://cert.example.se', 7, later)).toBe(0);
    const reminders = await db
      .selectFrom('messages')
      .select(['to_addresses', 'subject', 'body_text'])
      .where('subject', 'like', '%Reminder: CERT-STHLM-SA-%')
      .execute();
    expect(reminders.map((r) => r.to_addresses)).toEqual([['it@harbour.test']]);
    expect(reminders[0]?.body_text).toContain('We have not yet heard from you');
    expect(reminders[0]?.body_text).toContain('https://cert.example.se/.well-known/csaf/amber/');
  });

  it(
    "sends or dismisses the notices drafted from a vendor's advisory, once, and only for those who may send mail",
    { timeout: 60_000 },
    async () => {
      const { db } = get();
      const text = readFileSync(new URL('../../test/fixtures/csaf/rhsa-2021_5217.json', import.meta.url), 'utf8');
      const imported = await analyst.request({
        method: 'POST',
        url: '/api/advisories',
        payload: text,
        headers: { 'content-type': 'application/json' },
      });
      const advisoryId = imported.json<{ id: string }>().id;
      const orgs = await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('name', 'in', ['Harbour', 'Library'])
        .orderBy('name')
        .execute();
      await db
        .insertInto('relay_notices')
        .values(orgs.map((o) => ({ advisory_id: advisoryId, organisation_id: o.id, matched: ['pkg:rpm/redhat/samba'] })))
        .execute();
      const drafts = (await analyst.request({ url: '/api/relay-notices' })).json<{
        notices: Array<{ id: string; organisation: string; trackingId: string }>;
      }>().notices;
      expect(drafts.map((n) => [n.organisation, n.trackingId]).sort()).toEqual([
        ['Harbour', 'RHSA-2021:5217'],
        ['Library', 'RHSA-2021:5217'],
      ]);
      const harbour = drafts.find((n) => n.organisation === 'Harbour')!;
      const library = drafts.find((n) => n.organisation === 'Library')!;
      const reader = await loginAs('read-only');
      expect((await reader.request({ method: 'POST', url: `/api/relay-notices/${harbour.id}/send` })).statusCode).toBe(403);
      const sent = await analyst.request({ method: 'POST', url: `/api/relay-notices/${harbour.id}/send` });
      expect(sent.json()).toEqual({ state: 'sent', status: 'queued', reason: null });
      expect((await analyst.request({ method: 'POST', url: `/api/relay-notices/${harbour.id}/send` })).statusCode).toBe(409);
      expect((await analyst.request({ method: 'POST', url: `/api/relay-notices/${library.id}/dismiss` })).json()).toMatchObject({
        state: 'dismissed',
      });
      const mail = await db
        .selectFrom('messages')
        .select(['subject', 'to_addresses'])
        .where('subject', 'like', '%RHSA-2021:5217%')
        .execute();
      expect(mail).toEqual([
        { subject: expect.stringMatching(/^\[TLP:CLEAR\] \[CERT-STHLM\] RHSA-2021:5217: /), to_addresses: ['it@harbour.test'] },
      ]);
      expect((await analyst.request({ url: '/api/relay-notices' })).json<{ notices: unknown[] }>().notices).toEqual([]);
      expect((await analyst.request({ url: '/api/relay-notices?state=sent' })).json<{ notices: unknown[] }>().notices).toHaveLength(1);
    },
  );
});
