/**
 * The demo constituency (the city, its water company, schools, a foundation, a key supplier, with
 * documentation address space), a Shadowserver feed run on generated rows, and the notifications
 * it produced, so every early-warning page has something to show on first start.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { checkOrganisation, insertOrganisation, replaceOrganisation } from '../constituency/organisations.js';
import type { OrganisationInput } from '../constituency/schema.js';
import type { Schema } from '../db/schema.js';
import { saveFeed } from '../feeds/feeds.js';
import { indexFeedEventValues } from '../feeds/event-values.js';
import { ingestFeed } from '../feeds/pipeline.js';
import type { IntakeSettings } from '../intake/ingest.js';
import { dispatchNotifications } from '../notifications/dispatch.js';
import { giveFeedback } from '../notifications/feedback.js';

const ACTOR = 'system:demo';

const CITY: OrganisationInput = {
  name: 'City of Stockholm',
  category: 'municipality',
  tags: ['government'],
  netblocks: [{ prefix: '192.0.2.0/24', description: 'City hall and offices' }, { prefix: '2001:db8:5000::/40' }],
  domains: ['stockholm.example'],
  asns: [64496],
  products: ['cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1:*:*:*:*:*:*:*'],
  contacts: [{ role: 'security', name: 'Stadens säkerhetsfunktion', email: 'sakerhet@stockholm.example', language: 'sv' }],
};

const WATER: OrganisationInput = {
  name: 'Stockholm Vatten och Avfall',
  shortName: 'SVOA',
  category: 'company',
  notes: 'Water and waste for the city. SCADA networks are run by Driftleverantören AB; call the SOC first.',
  tags: ['critical-infrastructure'],
  netblocks: [{ prefix: '192.0.2.128/25', description: 'Treatment plants (SCADA)' }, { prefix: '198.51.100.0/24' }],
  domains: ['svoa.example'],
  products: ['cpe:2.3:a:microsoft:exchange_server:2019:cumulative_update_12:*:*:*:*:*:*', 'pkg:npm/lodash@4.17.20'],
  contacts: [
    { role: 'abuse', name: 'SOC', email: 'soc@svoa.example', phone: '+46 8 522 120 00', language: 'sv' },
    { role: 'technical', name: 'Outsourced NOC', email: 'noc@svoa.example', language: 'en' },
    // Told by phone, never by automatic notification.
    { role: 'management', name: 'CISO', email: 'ciso@svoa.example', phone: '+46 8 522 120 10', language: 'sv', notify: false },
  ],
};

const OTHERS: OrganisationInput[] = [
  {
    name: 'Stockholms skolor',
    category: 'department',
    parent: 'City of Stockholm',
    tags: ['education'],
    netblocks: [{ prefix: '203.0.113.0/25' }],
    domains: ['skolor.stockholm.example'],
    contacts: [{ role: 'security', email: 'it-sakerhet@skolor.stockholm.example', language: 'sv' }],
  },
  { name: 'Stiftelsen Stadsarkivet', category: 'foundation', parent: 'City of Stockholm', netblocks: [{ prefix: '203.0.113.128/26' }] },
  {
    name: 'Driftleverantören AB',
    category: 'supplier',
    tags: ['key-supplier'],
    tlpClearance: 'GREEN',
    netblocks: [{ prefix: '198.51.100.0/24', description: 'Shared hosting for the water company' }],
    contacts: [{ role: 'abuse', email: 'abuse@drift.example', language: 'en' }],
  },
];

export async function loadDemoConstituency(db: Kysely<Schema>, ids: { city: string; water: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await replaceOrganisation(trx, ACTOR, ids.city, await checkOrganisation(CITY), null);
    await replaceOrganisation(trx, ACTOR, ids.water, await checkOrganisation(WATER), ids.city);
    for (const org of OTHERS) await insertOrganisation(trx, ACTOR, await checkOrganisation(org), org.parent ? ids.city : null);
  });
}

/** Open RDP and NTP findings for the demo's netblocks, and a few for addresses nobody owns. */
function demoScan(now: Date): string {
  const at = new Date(now.getTime() - 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const rows = ['"timestamp","ip","port","hostname","tag","asn","geo","region","city"'];
  const hosts = [
    '192.0.2.10',
    '192.0.2.11',
    '192.0.2.140',
    '192.0.2.141',
    '192.0.2.142',
    '198.51.100.7',
    '203.0.113.20',
    '203.0.113.130',
    '100.64.1.1',
    '100.64.1.2',
  ];
  for (const ip of hosts) rows.push(`"${at}","${ip}",3389,,"rdp",64496,"SE","STOCKHOLM","STOCKHOLM"`);
  rows.push(`"${at}","192.0.2.10",3389,,"rdp",64496,"SE","STOCKHOLM","STOCKHOLM"`);
  rows.push('"yesterday","192.0.2.12",3389,,"rdp",64496,"SE","STOCKHOLM","STOCKHOLM"');
  return rows.join('\n');
}

export async function loadDemoEarlyWarning(
  db: Kysely<Schema>,
  settings: Pick<IntakeSettings, 'sender' | 'teamName' | 'shortName' | 'linkBase'>,
): Promise<void> {
  const feed = await saveFeed(db, ACTOR, {
    name: 'shadowserver-scans',
    description: 'Shadowserver open-service scans',
    format: 'shadowserver',
    source: { kind: 'upload' },
    tlp: 'AMBER',
    notify: 'immediately',
  });
  await ingestFeed(db, feed, {
    stream: Readable.from([Buffer.from(demoScan(new Date()))]),
    source: '2026-11-22-scan_rdp-sweden-geo.csv',
    actor: ACTOR,
  });
  // What the job would do within the minute: the demo's "seen elsewhere" knows the feed at once.
  await indexFeedEventValues(db);
  await dispatchNotifications(db, { settings, feed: feed.name });
  const token = await db
    .selectFrom('notifications')
    .select('feedback_token')
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .executeTakeFirst();
  if (token) await giveFeedback(db, token.feedback_token, 'useful', 'Thanks, the two RDP hosts are closed now.');
}
