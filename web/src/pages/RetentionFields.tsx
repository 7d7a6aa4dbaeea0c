import { TextInput } from '@mantine/core';
/** The retention periods of the team profile: days per kind of personal data; empty keeps it. */
import { type Answer } from '../api';
import { useT } from '../i18n';

type Policy = NonNullable<Answer<'/api/profile'>['profile']['retention']>;
export type RetentionKind = keyof Policy;

/** Each kind's label, in the order the purge takes them. */
export function useKindLabels(): Record<RetentionKind, string> {
  const t = useT();
  return {
    rawMail: t('Raw mail and attachments'),
    reports: t('Reports out of triage'),
    feedEvents: t('Feed events'),
    notifications: t('Notifications'),
    auditDetail: t('Audit detail (before/after)'),
    closedIncidents: t('Closed incidents'),
  };
}

/** What the purge does to each kind, as the server's RETENTION_EFFECTS says it, in the reader's language. */
export function useKindEffects(): Record<RetentionKind, string> {
  const t = useT();
  return {
    rawMail: t('raw messages and attachment contents are deleted; their size, hash and headers stay'),
    reports: t('reports out of triage get pseudonyms for their reporter, and their text and mail bodies are removed'),
    feedEvents: t('feed events are deleted, and what "seen elsewhere" knows of them; runs and notifications keep their counts'),
    notifications: t('notifications get pseudonyms for their recipients, and their mail bodies and feedback comments are removed'),
    auditDetail: t('audit entries lose their before/after detail; who did what, when, and the hash chain stay'),
    closedIncidents: t(
      'closed incidents get pseudonyms for their participants, correspondents and every address in their notes and other writing; their mail bodies and stored evidence files are removed',
    ),
  };
}

/** Why a kind keeps records past its cutoff (the only reason each kind has). */
export function useKeptReasons(): Partial<Record<RetentionKind, string>> {
  const t = useT();
  return {
    reports: t('still waiting in triage: decide on them first'),
    auditDetail: t('written before the detail could be purged: their hash covers the detail itself'),
  };
}

export function RetentionFields({
  value,
  onChange,
  problem,
}: {
  value: Policy | undefined;
  onChange: (next: Policy) => void;
  problem?: string | undefined;
}) {
  const t = useT();
  const labels = useKindLabels();
  const set = (kind: RetentionKind, days: string) => {
    const next: Policy = { ...value };
    if (days.trim() === '') delete next[kind];
    else next[kind] = Number(days);
    onChange(next);
  };
  return (
    <fieldset>
      <legend>{t('Retention (days; empty: kept)')}</legend>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {(Object.keys(labels) as RetentionKind[]).map((kind) => (
        <TextInput
          key={kind}
          label={labels[kind]}
          type="number"
          min={1}
          max={36500}
          name={`retention.${kind}`}
          value={value?.[kind] ?? ''}
          onChange={(e) => set(kind, e.currentTarget.value)}
        />
      ))}
    </fieldset>
  );
}
