/** What a machine-written abuse report (ARF or X-ARF) said, as facts beside the mail. */
import { Fragment } from 'react';
import { type Answer } from '../api';
import { useT } from '../i18n';

type MachineReport = NonNullable<Answer<'/api/reports/{id}'>['machine_report']>;
type Fact = [string, string | null];

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const textOf = (value: unknown): string | null =>
  (typeof value === 'string' && value) || (typeof value === 'number' && String(value)) || null;
const joined = (...values: unknown[]): string | null => values.map(textOf).filter(Boolean).join(' / ') || null;

function arfFacts(report: MachineReport, t: (key: string) => string): Fact[] {
  return [
    [t('Feedback type'), textOf(report.feedbackType)],
    [t('Source IP'), textOf(report.sourceIp)],
    [t('Arrived at the reporter'), textOf(report.arrivalDate)],
    [t('Original sender'), textOf(report.originalMailFrom)],
    [t('Reported domains'), list(report.reportedDomains).join(', ') || null],
    [t('Reported URIs'), list(report.reportedUris).join(' ') || null],
    [t('Authentication results'), list(report.authenticationResults).join(' | ') || null],
    [t('Reporting agent'), textOf(report.userAgent)],
  ];
}

function xarfFacts(report: MachineReport, t: (key: string) => string): Fact[] {
  return [
    [t('X-ARF version'), textOf(report.version)],
    [t('Category and type'), joined(report.category, report.type)],
    [t('Source'), textOf(report.source)],
    [t('Source port'), textOf(report.sourcePort)],
    [t('Destination'), textOf(report.destinationIp)],
    [t('Destination port'), textOf(report.destinationPort)],
    [t('URL'), textOf(report.url)],
    [t('Seen at'), textOf(report.date)],
    [t('Reported by'), textOf(report.reporter)],
    [t('Report ID'), textOf(report.reportId)],
    [t('Checked against'), textOf(report.checkedAgainst)],
    [t('What is wrong with it'), report.problems.join('; ') || null],
  ];
}

export function MachineReportFacts({ report }: { report: MachineReport }) {
  const t = useT();
  if (report.format === 'dsn') return null;
  const title = report.format === 'arf' ? t('Feedback report (ARF)') : t('Abuse report (X-ARF)');
  const facts = report.format === 'arf' ? arfFacts(report, t) : xarfFacts(report, t);
  return (
    <section aria-label={title} data-testid="machine-report">
      <h2>{title}</h2>
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
            : report.format === 'arf'
              ? t('not an incident (a recipient’s preference)')
              : t('none: the report could not be read')}
        </dd>
      </dl>
    </section>
  );
}
