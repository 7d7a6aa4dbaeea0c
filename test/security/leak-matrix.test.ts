/**
 * The leak matrix. Every way an item can reach a person outside the team — each API route a
 * constituent, third party or law-enforcement user can read, each export and rendering, each kind
 * of outgoing mail — is run for every TLP label and every kind of recipient, and the answer is
 * checked against TLP 2.0 written out below as a table, independently of the code under test.
 * Every item carries a canary word; a refused item's canary must not appear anywhere in what the
 * recipient gets, and no refused mail may be queued. A GET route that outsiders can read and the
 * matrix does not know, or an egress channel it does not run, fails the test.
 */
import { beforeAll, expect, it } from 'vitest';
import { createOrganisation } from '../../src/constituency/organisations.js';
import { TLP_LABELS, type TlpLabel } from '../../src/core/tlp.js';
import { sendIncidentMail, replyToReporter } from '../../src/incidents/mail.js';
import { ITEM_KINDS, type ItemKind } from '../../src/incidents/visibility.js';
import { ingestMail } from '../../src/intake/ingest.js';
import { createReport } from '../../src/intake/reports.js';
import { sendWatchDigests } from '../../src/incidents/watch-digest.js';
import { notifyConstituents } from '../../src/advisories/notify.js';
import { exportIncidentStix } from '../../src/sharing/stix-export.js';
import { exportIncidentMisp } from '../../src/sharing/misp-export.js';
import { shareWithPeer } from '../../src/sharing/peer-shares.js';
import { getBlob } from '../../src/db/blobs.js';
import { storePublicKey } from '../../src/mail/keys.js';
import { simpleParser } from 'mailparser';
import * as openpgp from 'openpgp';
import { makeKey, type TestKey } from '../helpers/pgp.js';
import { EGRESS_CHANNELS, egress, type EgressChannel, type EgressRecipient } from '../../src/sharing/egress.js';
import { useApp, type Client } from '../helpers/app.js';
import { describeEachEngine } from '../helpers/database.js';
import { mail, testSettings } from '../helpers/mail.js';
import { fillPath, operationsOf } from '../helpers/routes.js';

const RECIPIENTS = [
  'team',
  'constituent-own',
  'constituent-other',
  'third-party',
  'law-enforcement',
  'lower-clearance',
  'unknown',
] as const;
type RecipientKind = (typeof RECIPIENTS)[number];

/** TLP 2.0, as a table: what each kind of recipient may receive of the team's information. */
const MAY_RECEIVE: Record<RecipientKind, readonly TlpLabel[]> = {
  team: TLP_LABELS,
  // Constituent staff are the team's clients (AMBER: "the organisation and its clients"); their
  // organisations are cleared up to AMBER here.
  'constituent-own': ['CLEAR', 'GREEN', 'AMBER'],
  'constituent-other': ['CLEAR', 'GREEN', 'AMBER'],
  // Third parties and law enforcement are the community (GREEN), never clients.
  'third-party': ['CLEAR', 'GREEN'],
  'law-enforcement': ['CLEAR', 'GREEN'],
  // A client organisation cleared only up to GREEN.
  'lower-clearance': ['CLEAR', 'GREEN'],
  // An address Vakt knows nothing of: the public.
  unknown: ['CLEAR'],
};
/** Reading through the API also takes part in the incident: these two do not. */
const TAKES_PART: Record<RecipientKind, boolean> = {
  team: true,
  'constituent-own': true,
  'constituent-other': false,
  'third-party': true,
  'law-enforcement': true,
  'lower-clearance': true,
  unknown: false,
};

const code = (label: TlpLabel) => label.replace('AMBER+STRICT', 'strict').toLowerCase();
const canary = (label: TlpLabel, what: string) => `cnry${code(label)}${what}`;

/** GET routes outsiders can read, and what the matrix checks of each. */
const OUTSIDER_READABLE: Record<string, 'incident-list' | 'incident-detail' | 'search' | 'no-item-content' | 'own-reports'> = {
  'GET /api/incidents': 'incident-list',
  'GET /api/incidents/{id}': 'incident-detail',
  'GET /api/search': 'search',
  'GET /api/auth/session': 'no-item-content',
  'GET /api/tokens': 'no-item-content',
  'GET /api/profile': 'no-item-content',
  'GET /api/taxonomies': 'no-item-content',
  'GET /api/directory/own-record': 'no-item-content',
  'GET /api/my/reports': 'own-reports',
  'GET /api/my/reports/{id}': 'own-reports',
  // TAXII: discovery, the API root and the list of collections name no item; the objects are checked below.
  'GET /taxii2/': 'no-item-content',
  'GET /taxii2/api/': 'no-item-content',
  'GET /taxii2/api/collections/': 'no-item-content',
};

describeEachEngine('the leak matrix', (get) => {
  const { app, loginAs } = useApp(get);
  const ACTOR = 'system:test';
  let analyst: Client;
  const clients = {} as Record<RecipientKind, Client>;
  const addresses = {} as Record<RecipientKind, string>;
  const incidents = {} as Record<TlpLabel, string>;
  const participants = {} as Record<TlpLabel, Record<RecipientKind, string>>;
  /** Each label's report, as one the own organisation sent, with a reply from its person. */
  const ownReports = {} as Record<TlpLabel, string>;
  const orgs = {} as Record<'own' | 'other' | 'lower', string>;
  let checks = 0;
  const leaks: string[] = [];
  const check = (ok: boolean, what: string) => {
    checks++;
    if (!ok) leaks.push(what);
  };

  async function userOf(client: Client): Promise<string> {
    return (await get().db.selectFrom('users').select('id').where('email', '=', client.email).executeTakeFirstOrThrow()).id;
  }

  beforeAll(async () => {
    const { db } = get();
    const org = async (name: string, clearance: TlpLabel, contact: string) =>
      (await createOrganisation(db, ACTOR, { name, tlpClearance: clearance, contacts: [{ role: 'security', email: contact }] })).id;
    orgs.own = await org('Own municipality', 'AMBER', 'soc@own.test');
    orgs.other = await org('Other company', 'AMBER', 'soc@other.test');
    orgs.lower = await org('Low clearance foundation', 'GREEN', 'soc@lower.test');
    analyst = await loginAs('analyst');
    clients.team = analyst;
    clients['constituent-own'] = await loginAs('constituent', orgs.own);
    clients['constituent-other'] = await loginAs('constituent', orgs.other);
    // Accounts outside the constituency belong to organisations of their own kind: a peer team, the police.
    const outside = async (name: string, kind: string) =>
      (await db.insertInto('organisations').values({ name, kind, parent_id: null }).returning('id').executeTakeFirstOrThrow()).id;
    clients['third-party'] = await loginAs('constituent', await outside('Partner SOC', 'peer'));
    clients['law-enforcement'] = await loginAs('constituent', await outside('Police cyber unit', 'other'));
    clients['lower-clearance'] = await loginAs('constituent', orgs.lower);
    clients.unknown = await loginAs('constituent', orgs.other);
    for (const kind of RECIPIENTS) addresses[kind] = clients[kind].email;
    // Outside the API, the other organisation and the unknown are reached by address only.
    addresses['constituent-other'] = 'soc@other.test';
    addresses.unknown = 'nobody@nowhere.test';

    for (const label of TLP_LABELS) {
      const post = async (path: string, body: object) => {
        const res = await analyst.request({ method: 'POST', url: path, payload: body });
        if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
        return res.json<{ id: string }>().id;
      };
      const id = await post('/api/incidents', {
        title: `Incident ${canary(label, 'incident')}`,
        description: `About ${canary(label, 'incident')}`,
        tlp: label,
      });
      incidents[label] = id;
      const make: Record<ItemKind, () => Promise<string>> = {
        report: async () => {
          const r = await post('/api/reports', { subject: canary(label, 'report'), body: canary(label, 'report'), tlp: label });
          await analyst.request({ method: 'POST', url: `/api/reports/${r}/attach`, payload: { incidentId: id } });
          return r;
        },
        message: async () =>
          (
            await db
              .insertInto('messages')
              .values({ direction: 'in', incident_id: id, subject: canary(label, 'message'), tlp: label, created_by: ACTOR })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        task: () => post(`/api/incidents/${id}/tasks`, { title: canary(label, 'task'), tlp: label }),
        investigation: () => post(`/api/incidents/${id}/investigations`, { title: canary(label, 'investigation'), tlp: label }),
        countermeasure: () =>
          post(`/api/incidents/${id}/countermeasures`, { kind: 'block', target: canary(label, 'countermeasure'), tlp: label }),
        timeline: () =>
          post(`/api/incidents/${id}/timeline`, { occurredAt: new Date().toISOString(), summary: canary(label, 'timeline'), tlp: label }),
        observable: () =>
          post(`/api/incidents/${id}/observables`, { kind: 'domain', value: `${canary(label, 'observable')}.example`, tlp: label }),
        asset: () => post(`/api/incidents/${id}/assets`, { name: canary(label, 'asset'), tlp: label }),
        evidence: () =>
          post(`/api/incidents/${id}/evidence`, {
            item: canary(label, 'evidence'),
            sha256: 'b'.repeat(64),
            collectedBy: 'A',
            collectedAt: new Date().toISOString(),
            location: 'safe',
          }),
        note: () => post(`/api/incidents/${id}/notes`, { body: `A *note*: ${canary(label, 'note')}`, tlp: label }),
      };
      const items: Array<{ kind: ItemKind; id: string }> = [];
      for (const kind of ITEM_KINDS) items.push({ kind, id: await make[kind]() });
      ownReports[label] = items.find((i) => i.kind === 'report')!.id;
      await db.updateTable('reports').set({ organisation_id: orgs.own }).where('id', '=', ownReports[label]).execute();
      await db
        .insertInto('messages')
        .values({
          direction: 'in',
          report_id: ownReports[label],
          from_address: clients['constituent-own'].email,
          subject: 'Re',
          body_text: canary(label, 'portal'),
          tlp: label,
          created_by: ACTOR,
        })
        .execute();

      const add = async (body: object) => post(`/api/incidents/${id}/participants`, body);
      participants[label] = {
        team: await add({ userId: await userOf(analyst), role: 'team-member' }),
        'constituent-own': await add({ userId: await userOf(clients['constituent-own']), role: 'constituent-staff' }),
        'constituent-other': await add({ name: 'Other company SOC', email: 'soc@other.test', role: 'constituent-staff' }),
        'third-party': await add({ userId: await userOf(clients['third-party']), role: 'third-party' }),
        'law-enforcement': await add({ userId: await userOf(clients['law-enforcement']), role: 'law-enforcement' }),
        'lower-clearance': await add({ userId: await userOf(clients['lower-clearance']), role: 'constituent-staff' }),
        unknown: await add({ name: 'Nobody', email: 'nobody@nowhere.test', role: 'constituent-staff' }),
      };
      // Every item is shared with everyone, behind the share check's back: the read gate alone must hold.
      const shares = Object.values(participants[label]).flatMap((participantId) =>
        items.map((item) => ({ incident_id: id, item_kind: item.kind, item_id: item.id, participant_id: participantId })),
      );
      await db.insertInto('incident_shares').values(shares).execute();
    }
  });

  const allowed = (kind: RecipientKind, label: TlpLabel) => MAY_RECEIVE[kind].includes(label);

  it('lets an outsider read through the API only what TLP admits, and nothing of the rest', async () => {
    const operations = await operationsOf(app());
    const readable: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && !o.public)) {
      const url =
        fillPath(op, { id: incidents.GREEN }) + (op.path === '/api/search' ? '?q=x' : op.path === '/api/indicators/seen' ? '?value=x' : '');
      const res = await clients['constituent-own'].request({ url });
      if (res.statusCode < 300) readable.push(`GET ${op.path}`);
    }
    // A route outsiders can read that the matrix does not check is a leak waiting to happen.
    expect(readable.filter((r) => !(r in OUTSIDER_READABLE))).toEqual([]);

    for (const kind of RECIPIENTS) {
      const client = clients[kind];
      const list = (await client.request({ url: '/api/incidents?limit=500' })).body;
      for (const label of TLP_LABELS) {
        const sees = TAKES_PART[kind] && allowed(kind, label);
        const incidentCanary = canary(label, 'incident');
        check(list.includes(incidentCanary) === sees, `list: ${kind} ${label}`);

        const detail = await client.request({ url: `/api/incidents/${incidents[label]}` });
        if (!TAKES_PART[kind]) check(detail.statusCode === 404, `detail: ${kind} ${label} → ${detail.statusCode}`);
        check(detail.body.includes(incidentCanary) === sees, `detail: ${kind} ${label} incident text`);
        for (const item of ITEM_KINDS) check(detail.body.includes(canary(label, item)) === sees, `detail: ${kind} ${label} ${item}`);

        const found = (await client.request({ url: `/api/search?q=${incidentCanary}` })).body;
        check(found.includes(incidentCanary) === sees, `search: ${kind} ${label}`);
        check(!found.includes(`"id":"${incidents[label]}"`) || sees, `search: ${kind} ${label} hit without text`);
        // Notes are searched for the team only: an outsider never finds one, even one shared with them.
        const notes = (await client.request({ url: `/api/search?q=${canary(label, 'note')}&kind=note` })).body;
        check(notes.includes(canary(label, 'note')) === (kind === 'team'), `search: ${kind} ${label} note`);

        // The portal: only the organisation that sent a report reads it, and only what TLP admits.
        const portalSees = kind === 'constituent-own' && allowed(kind, label);
        const mine = (await client.request({ url: '/api/my/reports?limit=200' })).body;
        check(mine.includes(canary(label, 'report')) === portalSees, `my reports: ${kind} ${label}`);
        const one = await client.request({ url: `/api/my/reports/${ownReports[label]}` });
        check((one.statusCode === 200) === portalSees, `my report: ${kind} ${label} → ${one.statusCode}`);
        check(one.body.includes(canary(label, 'portal')) === portalSees, `my report: ${kind} ${label} conversation`);

        for (const [route, what] of Object.entries(OUTSIDER_READABLE)) {
          if (what !== 'no-item-content') continue;
          const body = (await client.request({ url: route.slice(4) })).body;
          check(!body.includes('cnry'), `${route}: ${kind} carries item content`);
        }
      }
    }
  });

  it('sends incident mail, removal notices, replies and acknowledgements only where TLP admits them', async () => {
    const { db } = get();
    const sender = { from: 'cert@team.test' };
    const gateRefused = (reason: string | null | undefined) => Boolean(reason?.startsWith('TLP refuses'));
    for (const label of TLP_LABELS) {
      const incidentId = incidents[label];
      for (const kind of RECIPIENTS) {
        // mail:incident
        const queued = await sendIncidentMail(db, sender, 'CERT-T', ACTOR, incidentId, {
          participantIds: [participants[label][kind]],
          subject: 'Update',
          text: canary(label, 'mail'),
          tlp: label,
        });
        check(
          gateRefused(queued.reason) === !allowed(kind, label),
          `mail:incident ${kind} ${label}: ${queued.status} ${queued.reason ?? ''}`,
        );

        // mail:reply and mail:acknowledgement: the reporter is the source, and is always answered.
        const reportId = await createReport(
          db,
          ACTOR,
          { channel: 'api', subject: 'A report', body: 'x', reporterEmail: addresses[kind], tlp: label },
          'AMBER+STRICT',
        );
        const reply = await replyToReporter(db, sender, 'CERT-T', ACTOR, reportId, 'Thanks');
        check(!gateRefused(reply.reason), `mail:reply ${kind} ${label}: ${reply.reason ?? ''}`);
        const outcome = await ingestMail(
          db,
          testSettings(),
          mail({ from: addresses[kind], subject: `Incident report TLP:${label}`, body: 'Details follow.' }),
          'test',
        );
        if (outcome.kind !== 'report') throw new Error('expected a report');
        const ack = await db
          .selectFrom('messages')
          .select(['delivery_status', 'delivery_error'])
          .where('report_id', '=', outcome.reportId)
          .where('direction', '=', 'out')
          .executeTakeFirstOrThrow();
        check(ack.delivery_status === 'queued', `mail:acknowledgement ${kind} ${label}: ${ack.delivery_error ?? ''}`);
      }

      // mail:countermeasure-removal: one notice per address, each through the gate.
      const cm = await analyst.request({
        method: 'POST',
        url: `/api/incidents/${incidentId}/countermeasures`,
        payload: { kind: 'block', target: 'x', tlp: label, notifyOnRemoval: RECIPIENTS.map((k) => addresses[k]) },
      });
      const cmId = cm.json<{ id: string }>().id;
      for (const state of ['active', 'pending-removal'] as const)
        await analyst.request({ method: 'POST', url: `/api/countermeasures/${cmId}/advance`, payload: { to: state } });
      const removed = await analyst.request({ method: 'POST', url: `/api/countermeasures/${cmId}/advance`, payload: { to: 'removed' } });
      const notices = removed.json<{ notices: Array<{ to: string; status: string; reason: string | null }> }>().notices;
      RECIPIENTS.forEach((kind, i) =>
        check(
          gateRefused(notices[i]?.reason) === !allowed(kind, label),
          `mail:countermeasure-removal ${kind} ${label}: ${notices[i]?.reason ?? ''}`,
        ),
      );

      // mail:notification: a notification goes to an organisation's contacts. By address alone a
      // peer team's account is the community, and the police unit (an organisation of no known
      // relation) is nobody in particular.
      const notificationRecipient: Record<RecipientKind, [EgressRecipient, RecipientKind]> = {
        team: [{ kind: 'address', email: addresses.team }, 'team'],
        'constituent-own': [{ kind: 'address', email: 'soc@own.test', organisationId: orgs.own }, 'constituent-own'],
        'constituent-other': [{ kind: 'address', email: 'soc@other.test', organisationId: orgs.other }, 'constituent-other'],
        'third-party': [{ kind: 'address', email: addresses['third-party'] }, 'third-party'],
        'law-enforcement': [{ kind: 'address', email: addresses['law-enforcement'] }, 'unknown'],
        'lower-clearance': [{ kind: 'address', email: 'soc@lower.test', organisationId: orgs.lower }, 'lower-clearance'],
        unknown: [{ kind: 'address', email: addresses.unknown }, 'unknown'],
      };
      for (const kind of RECIPIENTS) {
        const [recipient, as] = notificationRecipient[kind];
        const [decision] = await egress(db, {
          channel: 'mail:notification',
          recipient,
          items: [{ kind: 'notification', id: `matrix-${label}`, tlp: label }],
          actor: ACTOR,
        });
        check(decision?.allowed === allowed(as, label), `mail:notification ${kind} ${label}`);
      }
    }
    // mail:watch-digest: every account watches every incident and asked for mail, behind the
    // watch check's back (which admits the team only); each digest holds only what its reader may receive.
    const since = new Date(Date.now() - 3_600_000);
    for (const kind of RECIPIENTS) {
      const userId = await userOf(clients[kind]);
      await db
        .insertInto('incident_watchers')
        .values(TLP_LABELS.map((label) => ({ incident_id: incidents[label], user_id: userId })))
        .onConflict((oc) => oc.columns(['incident_id', 'user_id']).doNothing())
        .execute();
      await db.updateTable('users').set({ watch_mail: true, watch_mail_sent_at: since }).where('id', '=', userId).execute();
    }
    // The "unknown" account is a constituent of the other company: as an account, it is that company's.
    const digests = await sendWatchDigests(db, { sender, shortName: 'CERT-T', linkBase: 'https://vakt.test' });
    check(digests.length > 0, 'mail:watch-digest: no digest was made at all');
    for (const kind of RECIPIENTS) {
      const mails = await db
        .selectFrom('messages')
        .select(['body_text', 'delivery_status'])
        .where('direction', '=', 'out')
        .where('subject', 'like', '%change(s) on incidents you watch')
        .where((eb) => eb(eb.val(clients[kind].email), '=', eb.fn.any('to_addresses')))
        .execute();
      for (const m of mails)
        for (const label of TLP_LABELS)
          if (m.body_text.includes(canary(label, '')))
            check(allowed(kind === 'unknown' ? 'constituent-other' : kind, label), `mail:watch-digest ${kind} got ${label}`);
    }

    // Nothing refused was queued: every queued mail's recipients were admitted for its label.
    const queuedMail = await db
      .selectFrom('messages')
      .select(['to_addresses', 'tlp', 'body_text'])
      .where('direction', '=', 'out')
      .where('delivery_status', '=', 'queued')
      .execute();
    for (const m of queuedMail) {
      for (const to of m.to_addresses) {
        const kind = RECIPIENTS.find((k) => addresses[k] === to);
        if (kind && m.body_text.includes('cnry')) check(allowed(kind, m.tlp as TlpLabel), `queued ${m.tlp} mail to ${kind}`);
      }
    }
  });

  it('exports carry the label of what they hold, and only the team may make them', async () => {
    for (const label of TLP_LABELS) {
      const html = await analyst.request({ url: `/api/incidents/${incidents[label]}/debrief?format=html` });
      check(html.statusCode === 200 && html.body.includes(`TLP:${label}`), `export:debrief team ${label}`);
      const evidence = await get()
        .db.selectFrom('evidence')
        .select('id')
        .where('incident_id', '=', incidents[label])
        .executeTakeFirstOrThrow();
      check(
        (await analyst.request({ url: `/api/evidence/${evidence.id}/custody?format=csv` })).statusCode === 200,
        `export:custody team ${label}`,
      );
      for (const kind of RECIPIENTS.filter((k) => k !== 'team')) {
        const res = await clients[kind].request({ url: `/api/incidents/${incidents[label]}/debrief?format=html` });
        check(res.statusCode === 403 && !res.body.includes('cnry'), `export:debrief ${kind} ${label}`);
        const custody = await clients[kind].request({ url: `/api/evidence/${evidence.id}/custody?format=csv` });
        check(custody.statusCode === 403 && !custody.body.includes('cnry'), `export:custody ${kind} ${label}`);
      }
    }
  });

  it('puts into a STIX bundle or a MISP event only what TLP admits for its recipient, a peer team by its sharing profile', async () => {
    const { db } = get();
    // As with the provider, an account is known by its organisation: the police unit's is of no known relation.
    const asAccount = (kind: RecipientKind): RecipientKind =>
      kind === 'law-enforcement' ? 'unknown' : kind === 'unknown' ? 'constituent-other' : kind;
    const peer = async (name: string, maxTlp?: TlpLabel) => {
      const team = await db
        .insertInto('peer_teams')
        .values({ name, country: 'NO', data: JSON.stringify({ name, country: 'NO' }), updated_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (maxTlp)
        await db
          .insertInto('sharing_profiles')
          .values({ peer_team_id: team.id, max_tlp: maxTlp, item_kinds: ['observable', 'indicator', 'incident'], updated_by: ACTOR })
          .execute();
      return team.id;
    };
    const recipients: Array<{ what: string; recipient: EgressRecipient; may: readonly TlpLabel[] }> = [
      ...(await Promise.all(
        RECIPIENTS.map(async (kind) => ({
          what: kind,
          recipient: { kind: 'user' as const, userId: await userOf(clients[kind]) },
          may: MAY_RECEIVE[asAccount(kind)],
        })),
      )),
      // A peer is the community: even cleared for AMBER by its profile, it gets CLEAR and GREEN.
      {
        what: 'peer cleared for AMBER',
        recipient: { kind: 'peer-team', peerTeamId: await peer('Peer CERT', 'AMBER') },
        may: ['CLEAR', 'GREEN'],
      },
      { what: 'peer cleared for CLEAR', recipient: { kind: 'peer-team', peerTeamId: await peer('Distant CERT', 'CLEAR') }, may: ['CLEAR'] },
      { what: 'peer without a profile', recipient: { kind: 'peer-team', peerTeamId: await peer('Unknown CERT') }, may: [] },
    ];
    for (const { what, recipient, may } of recipients)
      for (const label of TLP_LABELS) {
        const share = { recipient, actor: ACTOR, withIncident: true };
        for (const [channel, text] of [
          ['export:stix', JSON.stringify((await exportIncidentStix(db, incidents[label], share)).bundle)],
          ['export:misp', JSON.stringify((await exportIncidentMisp(db, incidents[label], share)).event)],
        ]) {
          check(text!.includes(canary(label, 'observable')) === may.includes(label), `${channel} ${what} ${label} observable`);
          check(text!.includes(canary(label, 'incident')) === may.includes(label), `${channel} ${what} ${label} incident`);
        }
      }
    // Only the team may ask for a bundle at all.
    for (const kind of RECIPIENTS.filter((k) => k !== 'team')) {
      for (const format of ['stix', 'misp']) {
        const res = await clients[kind].request({ url: `/api/incidents/${incidents.CLEAR}/${format}` });
        check(res.statusCode === 403 && !res.body.includes('cnry'), `export:${format} API ${kind}`);
      }
    }
  });

  it('serves TAXII objects to each reader only where TLP admits them', async () => {
    const manager = await loginAs('incident-manager');
    const collection = (await manager.request({ method: 'POST', url: '/api/taxii-collections', payload: { title: 'Matrix' } })).json<{
      id: string;
    }>().id;
    for (const label of TLP_LABELS) {
      const added = await analyst.request({ method: 'POST', url: `/api/taxii-collections/${collection}/incidents/${incidents[label]}` });
      check(added.statusCode === 200, `taxii: add ${label} → ${added.statusCode}`);
    }
    // The server knows a reader by account alone, as the CSAF provider does.
    const asAccount = (kind: RecipientKind): RecipientKind =>
      kind === 'law-enforcement' ? 'unknown' : kind === 'unknown' ? 'constituent-other' : kind;
    for (const kind of RECIPIENTS) {
      const headers = { accept: 'application/taxii+json;version=2.1' };
      const objects = (await clients[kind].request({ url: `/taxii2/api/collections/${collection}/objects/?limit=1000`, headers })).body;
      const manifest = (await clients[kind].request({ url: `/taxii2/api/collections/${collection}/manifest/?limit=1000`, headers })).body;
      for (const label of TLP_LABELS) {
        const sees = allowed(asAccount(kind), label);
        check(objects.includes(canary(label, 'observable')) === sees, `taxii: ${kind} ${label} observable`);
        check(objects.includes(canary(label, 'incident')) === sees, `taxii: ${kind} ${label} incident`);
        check(!manifest.includes('cnry'), `taxii: ${kind} ${label} manifest carries content`);
      }
    }
  });

  it("publishes to a peer's TAXII collection, MISP feed and encrypted mail only what its profile admits", async () => {
    const { db } = get();
    const manager = await loginAs('incident-manager');
    const [teamKey, peerKey] = await Promise.all([makeKey('CERT', 'cert@team.test'), makeKey('Peers', 'soc@peers.test')]);
    await storePublicKey(db, ACTOR, peerKey.armoredPublic);
    const sender = { from: 'cert@team.test', teamKey: teamKey.teamKey };
    for (const [name, maxTlp, may] of [
      ['Matrix peer AMBER', 'AMBER', ['CLEAR', 'GREEN']],
      ['Matrix peer CLEAR', 'CLEAR', ['CLEAR']],
    ] as const) {
      const peerTeamId = (
        await db
          .insertInto('peer_teams')
          .values({ name, country: 'NO', data: JSON.stringify({ name, country: 'NO' }), updated_at: new Date() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const readers = (
        await db
          .insertInto('organisations')
          .values({ name: `${name} readers`, kind: 'peer', parent_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const reader = await loginAs('constituent', readers);
      const collection = (await manager.request({ method: 'POST', url: '/api/taxii-collections', payload: { title: name } })).json<{
        id: string;
      }>().id;
      const profile = await manager.request({
        method: 'PUT',
        url: `/api/directory/teams/${peerTeamId}/sharing-profile`,
        payload: {
          maxTlp,
          itemKinds: ['observable', 'indicator', 'incident'],
          channels: ['taxii', 'misp-feed', 'mail'],
          taxiiCollectionId: collection,
          mailTo: 'soc@peers.test',
          readerOrganisationId: readers,
          pseudonymisation: { constituents: 'keep', reporters: 'keep', ownAddresses: 'keep', scrubText: false },
        },
      });
      check(profile.statusCode === 200, `${name}: profile → ${profile.statusCode} ${profile.body}`);
      for (const label of TLP_LABELS) await shareWithPeer(db, ACTOR, incidents[label], peerTeamId, sender);
      const taxii = (
        await reader.request({
          url: `/taxii2/api/collections/${collection}/objects/?limit=1000`,
          headers: { accept: 'application/taxii+json;version=2.1' },
        })
      ).body;
      const manifest = (await reader.request({ url: '/misp-feed/manifest.json' })).json<Record<string, unknown>>();
      const events = (await Promise.all(Object.keys(manifest).map((uuid) => reader.request({ url: `/misp-feed/${uuid}.json` }))))
        .map((r) => r.body)
        .join('\n');
      const mails = await db
        .selectFrom('messages')
        .select(['raw_sha256', 'delivery_status'])
        .where('direction', '=', 'out')
        .where('subject', 'like', '%(STIX 2.1)')
        .where((eb) => eb(eb.val('soc@peers.test'), '=', eb.fn.any('to_addresses')))
        .where(
          'incident_id',
          'in',
          TLP_LABELS.map((l) => incidents[l]),
        )
        .execute();
      const mailed = (await Promise.all(mails.map((m) => decryptFor(m.raw_sha256!, peerKey)))).join('\n');
      for (const label of TLP_LABELS)
        for (const what of ['observable', 'incident'])
          for (const [channel, text] of [
            ['taxii', taxii],
            ['misp-feed', events],
            ['mail:stix', mailed],
          ] as const)
            check(text.includes(canary(label, what)) === (may as readonly string[]).includes(label), `${channel} ${name} ${label} ${what}`);
      // The whole team and every other outsider is refused the feed: it is the peer's reader's alone.
      for (const kind of RECIPIENTS)
        check((await clients[kind].request({ url: '/misp-feed/manifest.json' })).statusCode === 403, `misp-feed ${kind}`);
      await db.deleteFrom('messages').where('subject', 'like', '%(STIX 2.1)').execute();
    }
  });

  async function decryptFor(sha: string, key: TestKey): Promise<string> {
    const raw = (await getBlob(get().db, sha))!.toString('utf8');
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/.exec(raw);
    if (!armored) return raw;
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored[0] }),
      decryptionKeys: key.teamKey.privateKey,
    });
    const inner = await simpleParser(String(data));
    return inner.attachments.map((a) => a.content.toString('utf8')).join('\n');
  }

  it("serves the CSAF provider's advisories only where TLP admits them", async () => {
    const { db } = get();
    const year = new Date().getUTCFullYear();
    for (const label of TLP_LABELS) {
      const trackingId = `MATRIX-${code(label)}`;
      const content = { title: canary(label, 'advisory'), tlp: label };
      const work = await db
        .insertInto('authored_advisories')
        .values({
          tracking_id: trackingId,
          state: 'published',
          content: JSON.stringify(content),
          created_by: ACTOR,
          edited_by: ACTOR,
          initial_release_date: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('advisories')
        .values({
          publisher_namespace: 'https://team.test',
          tracking_id: trackingId,
          version: '1',
          title: content.title,
          category: 'csaf_base',
          status: 'final',
          csaf_tlp: null,
          tlp: label,
          current_release_date: new Date(),
          document: JSON.stringify({ document: { title: content.title } }),
          sha256: 'x',
          valid: true,
          findings: '[]',
          source: 'authored',
          imported_by: ACTOR,
          authored_id: work.id,
          signature: canary(label, 'signature'),
        })
        .execute();
    }
    const folderOf: Record<TlpLabel, string> = { CLEAR: 'white', GREEN: 'green', AMBER: 'amber', 'AMBER+STRICT': 'amber', RED: 'red' };
    // The provider knows a reader by account alone: the police unit's organisation is of no known
    // relation (nobody in particular), and the "unknown" account is a constituent of the other company.
    const asAccount: Record<RecipientKind, RecipientKind> = {
      ...(Object.fromEntries(RECIPIENTS.map((k) => [k, k])) as Record<RecipientKind, RecipientKind>),
      'law-enforcement': 'unknown',
      unknown: 'constituent-other',
    };
    for (const kind of RECIPIENTS) {
      const client = clients[kind];
      for (const label of TLP_LABELS) {
        const folder = folderOf[label];
        // CSAF 2.0 has no AMBER+STRICT: such an advisory is in no folder, for anyone.
        const sees = allowed(asAccount[kind], label) && label !== 'AMBER+STRICT';
        const file = `/.well-known/csaf/${folder}/${year}/matrix-${code(label)}.json`;
        const doc = await client.request({ url: file });
        check(doc.body.includes(canary(label, 'advisory')) === sees, `csaf:provider ${kind} ${label} document → ${doc.statusCode}`);
        const signature = await client.request({ url: `${file}.asc` });
        check(signature.body.includes(canary(label, 'signature')) === sees, `csaf:provider ${kind} ${label} signature`);
        const feed = await client.request({ url: `/.well-known/csaf/feed-tlp-${folder}.json` });
        check(feed.body.includes(canary(label, 'advisory')) === sees, `csaf:provider ${kind} ${label} feed`);
        const index = await client.request({ url: `/.well-known/csaf/${folder}/index.txt` });
        check(index.body.includes(`matrix-${code(label)}.json`) === sees, `csaf:provider ${kind} ${label} index`);
      }
    }

    // mail:advisory: each label's advisory told to the whole constituency; an organisation is told only what its clearance admits.
    const byOrg: Record<'own' | 'other' | 'lower', RecipientKind> = {
      own: 'constituent-own',
      other: 'constituent-other',
      lower: 'lower-clearance',
    };
    for (const label of TLP_LABELS) {
      const advisory = await db
        .selectFrom('advisories')
        .select(['id', 'document'])
        .where('tracking_id', '=', `MATRIX-${code(label)}`)
        .executeTakeFirstOrThrow();
      const told = await db.transaction().execute((trx) =>
        notifyConstituents(trx, testSettings(), {
          documentId: advisory.id,
          document: advisory.document,
          trackingId: `MATRIX-${code(label)}`,
          version: '1',
          title: canary(label, 'advisory'),
          tlp: label,
          documentUrl: 'https://team.test/x.json',
          publicUrl: 'https://team.test',
          audience: { kind: 'all' },
          actor: ACTOR,
        }),
      );
      for (const [org, kind] of Object.entries(byOrg) as Array<['own' | 'other' | 'lower', RecipientKind]>) {
        const outcome = told.find((t) => t.organisationId === orgs[org]);
        check(
          (outcome?.status === 'queued') === allowed(kind, label),
          `mail:advisory ${kind} ${label}: ${outcome?.status} ${outcome?.reason ?? ''}`,
        );
      }
    }
  });

  it('covers every egress channel, finds no leak, and records what it refused', async () => {
    expect(leaks).toEqual([]);
    const ran = await get().db.selectFrom('egress_decisions').select('channel').distinct().execute();
    const covered = new Set<EgressChannel>(ran.map((r) => r.channel as EgressChannel));
    expect(EGRESS_CHANNELS.filter((c) => !covered.has(c))).toEqual([]);
    const refused = await get()
      .db.selectFrom('egress_decisions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('allowed', '=', false)
      .executeTakeFirstOrThrow();
    expect(Number(refused.n)).toBeGreaterThan(100);
    expect(checks).toBeGreaterThan(850);
    console.log(
      `leak matrix: ${Object.keys(OUTSIDER_READABLE).length} routes and ${EGRESS_CHANNELS.length} channels × ${TLP_LABELS.length} labels × ${RECIPIENTS.length} recipients, ${checks} checks, leaks found: ${leaks.length}`,
    );
  });
});
