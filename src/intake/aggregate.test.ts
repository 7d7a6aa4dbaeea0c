import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { createOrganisation } from '../constituency/organisations.js';
import { runFeed } from '../feeds/runner.js';
import { getFeed, saveFeed } from '../feeds/feeds.js';
import { dispatchNotifications } from '../notifications/dispatch.js';
import { ingestMail } from './ingest.js';

const fixture = (name: string, messageId = '<fbl-1@mailprovider.example>', ours = ''): Buffer =>
  Buffer.from(
    readFileSync(new URL(`../../test/fixtures/mail/machine/${name}`, import.meta.url), 'utf8')
      .replace(/^Message-ID: .*$/m, `Message-ID: ${messageId}`)
      .replace('{{MESSAGE_ID}}', ours),
  );

describeEachEngine('feedback loops aggregated into a feed', (get) => {
  it('turns a chosen sender’s reports into de-duplicated events notified per constituent, and triages everyone else’s', async () => {
    const { db } = get();
    const settings = testSettings();
    const shop = await createOrganisation(db, 'test', {
      name: 'Stockholm Shop AB',
      netblocks: [{ prefix: '203.0.113.0/24' }],
      contacts: [{ role: 'security', email: 'soc@shop.example' }],
    });
    await expect(saveFeed(db, 'test', { name: 'bad', format: 'arf', source: { kind: 'upload' }, tlp: 'AMBER' })).rejects.toThrow(
      /format arf/,
    );
    await saveFeed(db, 'test', {
      name: 'fbl-mailprovider',
      format: 'arf',
      source: { kind: 'intake', senders: ['@mailprovider.example'] },
      tlp: 'AMBER',
      notify: 'immediately',
    });
    const reportsBefore = await db.selectFrom('reports').select('id').execute();

    // Three complaints about the same sending address: one event, two duplicates, no report.
    for (const n of [1, 2, 3]) {
      const outcome = await ingestMail(db, settings, fixture('arf-fbl-base64.eml', `<fbl-${n}@mailprovider.example>`), 'test');
      expect(outcome).toMatchObject({ kind: 'filed', reportId: null });
    }
    // The same mail again is a duplicate, and its report is not counted twice.
    expect((await ingestMail(db, settings, fixture('arf-fbl-base64.eml', '<fbl-1@mailprovider.example>'), 'test')).kind).toBe('duplicate');
    // An opt-out is kept, with no event.
    expect((await ingestMail(db, settings, fixture('arf-opt-out.eml', '<optout-9@mailprovider.example>'), 'test')).kind).toBe('filed');

    const events = await db
      .selectFrom('events')
      .select(['organisation_id', 'source_ip', 'rsit_class', 'rsit_type', 'identifier'])
      .execute();
    expect(events).toEqual([
      { organisation_id: shop.id, source_ip: '203.0.113.45', rsit_class: 'abusive-content', rsit_type: 'spam', identifier: 'arf-abuse' },
    ]);
    const runs = await db.selectFrom('feed_runs').select(['events', 'duplicates']).where('feed_name', '=', 'fbl-mailprovider').execute();
    expect(runs.map((r) => [Number(r.events), Number(r.duplicates)]).sort()).toEqual([
      [0, 1],
      [0, 1],
      [1, 0],
    ]);
    expect(await db.selectFrom('reports').select('id').execute()).toEqual(reportsBefore);
    const filed = await db
      .selectFrom('messages')
      .select('machine_report')
      .where('message_id', '=', '<fbl-2@mailprovider.example>')
      .executeTakeFirstOrThrow();
    expect(filed.machine_report).toMatchObject({ format: 'arf', aggregatedInto: 'fbl-mailprovider' });

    // Another sender's report is triaged as before.
    expect((await ingestMail(db, settings, fixture('arf-rfc5965.eml', '<other-1@example.com>'), 'test')).kind).toBe('report');

    // One notification to the constituent for the lot.
    const sent = await dispatchNotifications(db, { settings });
    expect(sent).toEqual([expect.objectContaining({ organisation: 'Stockholm Shop AB', events: 1 })]);

    // A complaint about our own mail from the same provider stays a complaint.
    const ours = await ingestMail(db, settings, mail({ subject: 'Our notification' }), 'test');
    const ack = await db
      .updateTable('messages')
      .set({ delivery_status: 'sent', sent_at: new Date() })
      .where('report_id', '=', (ours as { reportId: string }).reportId)
      .where('direction', '=', 'out')
      .returning(['id', 'message_id'])
      .executeTakeFirstOrThrow();
    expect(
      await ingestMail(db, settings, fixture('arf-complaint-about-us.eml', '<fbl-us@mailprovider.example>', ack.message_id!), 'test'),
    ).toMatchObject({
      kind: 'filed',
      about: [ack.id],
    });
    expect(await db.selectFrom('events').select('id').execute()).toHaveLength(1);

    // The feed has nothing to run by itself.
    await expect(runFeed(db, await getFeed(db, 'fbl-mailprovider'), { actor: 'test' })).rejects.toThrow(/fed by mail intake/);
  });
});
