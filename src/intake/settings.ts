/** What intake needs from the team profile and the configuration, read fresh for every run. */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { MailConfig } from '../config.js';
import { unlabelledTlpOf } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import type { TeamKey } from '../mail/pgp.js';
import { getProfile } from '../profile/service.js';
import type { IntakeSettings } from './ingest.js';

/** Before `vakt init` there is no profile; intake still works with these. */
const FALLBACK = { shortName: 'VAKT', teamName: 'Vakt', from: 'cert@localhost' };

export async function intakeSettings(db: Kysely<Schema>, mail: MailConfig, teamKey?: TeamKey): Promise<IntakeSettings> {
  const profile = (await getProfile(db))?.profile;
  const defaultTlp = unlabelledTlpOf(profile);
  return {
    sender: { from: mail.from ?? profile?.email.address ?? FALLBACK.from, ...(teamKey ? { teamKey } : {}) },
    shortName: profile?.team.shortName ?? FALLBACK.shortName,
    teamName: profile?.team.name ?? FALLBACK.teamName,
    defaultTlp,
    autoAcknowledge: mail.autoAcknowledge,
    ...(mail.ackTemplateFile ? { ackTemplate: readFileSync(mail.ackTemplateFile, 'utf8') } : {}),
    maxMessageBytes: mail.maxMessageBytes,
    maxAttachmentBytes: mail.maxAttachmentBytes,
    linkBase: (profile?.publicUrl ?? mail.linkBase).replace(/\/+$/, ''),
  };
}
