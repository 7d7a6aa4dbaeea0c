/**
 * The retention policy: for each kind of record that holds personal data, how many days it is
 * kept before the nightly purge removes or pseudonymises it. It lives in the team profile, where
 * the team states its policies; a kind the profile leaves out is kept.
 */
import { Type, type Static } from 'typebox';
import { strict } from '../core/validate.js';

export const RETENTION_KINDS = ['rawMail', 'reports', 'feedEvents', 'notifications', 'auditDetail', 'closedIncidents'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** What each kind covers and what happens to it when it is due. */
export const RETENTION_EFFECTS: Record<RetentionKind, string> = {
  rawMail: 'raw messages and attachment contents are deleted; their size, hash and headers stay',
  reports: 'reports out of triage get pseudonyms for their reporter, and their text and mail bodies are removed',
  feedEvents: 'feed events are deleted, and what "seen elsewhere" knows of them; runs and notifications keep their counts',
  notifications: 'notifications get pseudonyms for their recipients, and their mail bodies and feedback comments are removed',
  auditDetail: 'audit entries lose their before/after detail; who did what, when, and the hash chain stay',
  closedIncidents:
    'closed incidents get pseudonyms for their participants, correspondents and every address in their notes and other writing; their mail bodies and stored evidence files are removed',
};

const Days = Type.Integer({ minimum: 1, maximum: 36_500 });

export const RetentionSchema = Type.Object(
  Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, Type.Optional(Days)])) as {
    [K in RetentionKind]: ReturnType<typeof Type.Optional<typeof Days>>;
  },
  strict,
);

export type RetentionPolicy = Static<typeof RetentionSchema>;

/** The moment before which a kind is due, or null when the policy keeps it. */
export function cutoffOf(policy: RetentionPolicy, kind: RetentionKind, now: Date): Date | null {
  const days = policy[kind];
  return days ? new Date(now.getTime() - days * 86_400_000) : null;
}
