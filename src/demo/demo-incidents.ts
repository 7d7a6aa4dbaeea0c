/**
 * Demo reports and incidents, so a newcomer sees the triage queue (three reports), an incident page
 * filled in, and a month of closed incidents behind the KPIs. The reports arrive the way real ones
 * do: as mail, through intake.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import * as openpgp from 'openpgp';
import type { Schema } from '../db/schema.js';
import { createIncident } from '../incidents/incidents.js';
import { addObservable, addTask } from '../incidents/items.js';
import { teamClock } from '../incidents/sla.js';
import { loadDemoHistory } from './demo-history.js';
import { ingestMail, type IntakeSettings } from '../intake/ingest.js';
import { loadTeamKey, type TeamKey } from '../mail/pgp.js';

const mails = [
  {
    from: 'Helpdesk Stockholm Vatten <helpdesk@stockholmvatten.demo>',
    subject: 'Phishing mail to our staff [TLP:AMBER]',
    body: 'Hi CERT,\n\n40 staff got a mail pretending to be Microsoft 365. The link goes to\nhxxps://m365-login-verify[.]example/auth and the sender was 203.0.113.45.\n\nThree people entered their password.\n\nRegards, Helpdesk',
  },
  {
    from: 'Karin Kund <karin@stockholmvatten.demo>',
    subject: 'Re: phishing – more users',
    body: 'Two more users clicked hxxps://m365-login-verify[.]example/auth this morning.\nTLP:AMBER',
  },
  {
    from: 'abuse@isp.demo',
    subject: 'Scanning from 198.51.100.77 (your constituency)',
    body: 'We see RDP scanning (tcp/3389) from 198.51.100.77 since 2026-11-20 02:00 UTC.\nTLP:GREEN',
  },
  {
    from: 'Webbredaktionen <webb@skolor.stockholm.example>',
    subject: 'Our school web site shows a strange page',
    body: 'Since this morning www.skolor.stockholm.example/antagning shows a page we did not publish,\nwith a link to hxxp://free-gift-cards[.]example. Screenshot attached later.\n\nTLP:AMBER',
  },
  {
    from: 'IT-support Stadsarkivet <it@stadsarkivet.demo>',
    subject: 'Many failed logins on our VPN',
    body: 'Our VPN logs show about 3000 failed logins tonight from 192.0.2.200 and 203.0.113.99.\nNo successful login that we can see. Should we block them?',
  },
];

/** A key for the demo team, kept in the data directory: demo mail is signed like real mail. */
export async function demoTeamKey(dataDir: string): Promise<TeamKey> {
  const file = join(dataDir, 'demo-team-key.asc');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'CERT Stockholm (demo)', email: 'cert@cert-stockholm.demo' }],
      format: 'armored',
    });
    writeFileSync(file, privateKey, { mode: 0o600 });
  }
  return loadTeamKey(readFileSync(file, 'utf8'));
}

export async function loadDemoIncidents(db: Kysely<Schema>, settings: IntakeSettings): Promise<void> {
  const reportIds: string[] = [];
  for (const [i, m] of mails.entries()) {
    const raw = Buffer.from(
      [
        `From: ${m.from}`,
        `To: ${settings.sender.from}`,
        `Subject: ${m.subject}`,
        `Date: ${new Date(Date.now() - (mails.length - i) * 3_600_000).toUTCString()}`,
        `Message-ID: <demo-${i}@vakt.demo>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        m.body,
      ].join('\r\n'),
    );
    const outcome = await ingestMail(db, settings, raw, 'demo');
    if (outcome.kind === 'report') reportIds.push(outcome.reportId);
  }
  const actor = 'system:demo';
  const { id } = await createIncident(db, actor, {
    title: 'Credential phishing against Stockholm Vatten',
    description: 'A Microsoft 365 look-alike page harvests staff passwords.',
    rsitClass: 'fraud',
    rsitType: 'phishing',
    priority: 'high',
    reportIds: reportIds.slice(0, 2),
  });
  await addObservable(db, actor, id, { kind: 'domain', value: 'm365-login-verify.example', isIoc: true, description: 'phishing page' });
  await addTask(db, actor, id, { title: 'Reset the passwords of the five users', dueInWorkingMinutes: 120 }, await teamClock(db));
  await loadDemoHistory(db, actor);
}
