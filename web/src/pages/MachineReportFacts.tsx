/** What a machine-written report (an ARF feedback report) said, as facts beside the mail. */
import { Fragment } from 'react';
import { type Answer } from '../api';
import { useT } from '../i18n';

type MachineReport = NonNullable<Answer<'/api/reports/{id}'>['machine_report']>;

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

export function MachineReportFacts({ report }: { report: MachineReport }) {
  const t = useT();
  if (report.format !== 'arf') return null;
  const facts: Array<[string, string | null]> = [
    [t('Feedback type'), textOf(report.feedbackType)],
    [t('Source IP'), textOf(report.sourceIp)],
    [t('Arrived at the reporter'), textOf(report.arrivalDate)],
    [t('Original sender'), textOf(report.originalMailFrom)],
    [t('Reported domains'), list(report.reportedDomains).join(', ') || null],
    [t('Reported URIs'), list(report.reportedUris).join(' ') || null],
    [t('Authentication results'), list(report.authenticationResults).join(' | ') || null],
    [t('Reporting agent'), textOf(report.userAgent)],
  ];
  return (
    <section aria-label={t('Feedback report (ARF)')} data-testid="machine-report">
      <h2>{t('Feedback report (ARF)')}</h2>
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        <dt>{t('Suggested classification')}</dt>
        <dd data-testid="machine-suggestion">
          {report.suggestion
            ? `${report.suggestion.rsitClass} / ${report.suggestion.rsitType}`
            : t('not an incident (a recipient’s preference)')}
        </dd>
      </dl>
    </section>
  );
}
