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
        <label key={kind}>
          {labels[kind]}
          <input
            type="number"
            min={1}
            max={36500}
            name={`retention.${kind}`}
            value={value?.[kind] ?? ''}
            onChange={(e) => set(kind, e.target.value)}
          />
        </label>
      ))}
    </fieldset>
  );
}
