/**
 * Watchers who ask for it are told by mail, not only on the dashboard: every quarter of an hour,
 * one digest per person of what others wrote on the incidents they watch or manage since the last
 * one. The digest is mail like any other: each entry and its incident go through the egress gate
 * for that person (an entry the gate would refuse is left out, so a watcher whose account is no
 * longer the team's gets nothing above their label), RED and AMBER+STRICT only encrypted.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.js';
import { cursorTime } from '../core/cursor.js';
import { isTlpLabel, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { intakeSettings } from '../intake/settings.js';
import { defineJob } from '../jobs/queue.js';
import type { TeamKey } from '../mail/pgp.js';
import { queueMail, type Sender } from '../mail/outbox.js';
import { decide, documentLabel, resolveRecipient, type EgressItem } from '../sharing/egress.js';
import { updatesFor, type Update } from './ownership.js';

/** At most this many entries in one digest (the newest); the mail says when there were more. */
const MAX_ENTRIES = 100;

export interface DigestSettings {
  sender: Sender;
  shortName: string;
  linkBase: string;
}

export interface DigestOutcome {
  userId: string;
  entries: number;
  status: 'queued' | 'suppressed';
  reason?: string;
}

const label = (tlp: string): TlpLabel => (isTlpLabel(tlp) ? tlp : 'RED');

/** The gate's items for one entry: the entry itself and the incident whose title the mail names. */
function itemsOf(update: Update): EgressItem[] {
  return [
    { kind: update.kind === 'note' ? 'note' : 'timeline', id: update.id, tlp: label(update.tlp) },
    { kind: 'incident', id: update.incidentId, tlp: label(update.incidentTlp) },
  ];
}

function digestText(updates: readonly Update[], linkBase: string, more: boolean): string {
  const byIncident = new Map<string, Update[]>();
  for (const u of [...updates].reverse()) byIncident.set(u.incidentId, [...(byIncident.get(u.incidentId) ?? []), u]);
  const blocks = [...byIncident.values()].map((entries) => {
    const first = entries[0]!;
    const lines = entries.map((u) => `  ${u.at.slice(0, 16).replace('T', ' ')} UTC  ${u.by}: ${u.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    return [
      `#${first.incidentId} ${first.incidentTitle} (TLP:${first.incidentTlp})`,
      `  ${linkBase}/incidents/${first.incidentId}`,
      ...lines,
    ].join('\n');
  });
  const rest = more ? '\n\nThere were more changes than one mail holds: the older ones are on your dashboard.' : '';
  return `Changes on the incidents you watch or manage:\n\n${blocks.join('\n\n')}${rest}\n\nTurn these mails off on your dashboard, under "On incidents I watch or manage".\n`;
}

/** Sends each watcher who asked for mail the updates since their last digest; returns what was done. */
export async function sendWatchDigests(db: Kysely<Schema>, settings: DigestSettings, now = new Date()): Promise<DigestOutcome[]> {
  const watchers = await db
    .selectFrom('users')
    .select(['id', 'email', cursorTime('watch_mail_sent_at').as('sent_at')])
    .where('watch_mail', '=', true)
    .where('disabled_at', 'is', null)
    .execute();
  const outcomes: DigestOutcome[] = [];
  for (const watcher of watchers) {
    // A first digest covers the last day, not the incidents' whole history. The time is kept to the
    // microsecond, as the entries' are: a millisecond Date would mail the last entry again.
    const since = watcher.sent_at ?? new Date(now.getTime() - 86_400_000).toISOString();
    const recipient = await resolveRecipient(db, { kind: 'user', userId: watcher.id });
    const found = await updatesFor(db, watcher.id, { since, limit: MAX_ENTRIES + 1 });
    const more = found.length > MAX_ENTRIES;
    const updates = found.slice(0, MAX_ENTRIES).filter((u) => itemsOf(u).every((item) => decide(item, recipient).allowed));
    // The newest entry looked at, mailed or left out: the next digest starts after it. With none,
    // the mark stays where it was (an entry written meanwhile is not skipped).
    const newest = found[0];
    if (!newest) continue;
    const mark = sql<Date>`${newest.at}::timestamptz`;
    if (updates.length === 0) {
      await db.updateTable('users').set({ watch_mail_sent_at: mark }).where('id', '=', watcher.id).execute();
      continue;
    }
    const items = updates.flatMap(itemsOf);
    const tlp = documentLabel(items);
    const queued = await db.transaction().execute(async (trx) => {
      const mail = await queueMail(trx, settings.sender, {
        to: [watcher.email],
        subject: `[${settings.shortName}] ${updates.length} change(s) on incidents you watch`,
        text: `TLP:${tlp}\n\n${digestText(updates, settings.linkBase, more)}`,
        tlp,
        requireEncryption: tlp === 'RED' || tlp === 'AMBER+STRICT',
        automatic: true,
        actor: 'system:watch-digest',
        egress: { channel: 'mail:watch-digest', items, recipients: [{ kind: 'user', userId: watcher.id }] },
      });
      await trx.updateTable('users').set({ watch_mail_sent_at: mark }).where('id', '=', watcher.id).execute();
      return mail;
    });
    outcomes.push({
      userId: watcher.id,
      entries: updates.length,
      status: queued.status,
      ...(queued.reason ? { reason: queued.reason } : {}),
    });
  }
  return outcomes;
}

/** The quarter-hourly job. */
export function watchDigestJob({ mail }: Pick<Config, 'mail'>, teamKey?: TeamKey) {
  return defineJob({
    name: 'incidents.watch-digest',
    schedule: '*/15 * * * *',
    options: { retryLimit: 1 },
    async handle(_data, { database }) {
      await sendWatchDigests(database.db, await intakeSettings(database.db, mail, teamKey));
    },
  });
}
