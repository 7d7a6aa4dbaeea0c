import { Checkbox, TextInput, Textarea } from '@mantine/core';
/** Reports and mail: the reports behind the incident (some may be split off), its messages, and a new mail. */
import { ActionForm, Link, TlpBadge, TlpSelect, text } from '../../components';
import { MessageView } from '../TriagePage';
import { s, type TabProps } from './model';
import { useT } from '../../i18n';

export function CommunicationsTab({ props }: { props: TabProps }) {
  const { detail: d, team, write, manage, navigate, refresh, base } = props;
  const t = useT();
  return (
    <>
      <h2>{t('Reports')}</h2>
      <ul>
        {d.reports.map((r) => (
          <li key={r.id}>
            {team ? (
              <Link to={`/triage/reports/${r.id}`} navigate={navigate}>
                #{r.id} {s(r.subject)}
              </Link>
            ) : (
              `#${r.id} ${s(r.subject)}`
            )}{' '}
            <TlpBadge tlp={r.tlp} />
          </li>
        ))}
      </ul>
      {manage && d.reports.length > 1 && (
        <details className="panel">
          <summary>{t('Split reports off into a new incident')}</summary>
          <ActionForm
            label={t('Split off')}
            path={`${base}/split`}
            invalidates={refresh}
            toBody={(f) => ({ reportIds: f.getAll('reportIds').map(String), title: text(f, 'title') })}
            onDone={(r) => navigate(`/incidents/${(r as { id: string }).id}`)}
          >
            <fieldset>
              <legend>{t('Reports that are another matter')}</legend>
              {d.reports.map((r) => (
                <Checkbox key={r.id} name="reportIds" value={r.id} label={`#${r.id} ${s(r.subject)}`} my={4} />
              ))}
            </fieldset>
            <TextInput label={t('Title of the new incident')} name="title" />
          </ActionForm>
        </details>
      )}

      <h2>{t('Communications')}</h2>
      {d.messages.map((m) => (
        <MessageView key={m.id} message={m} />
      ))}
      {write && d.participants.some((p) => p.email) && (
        <ActionForm
          label={t('Send mail')}
          path={`${base}/mail`}
          invalidates={refresh}
          toBody={(f) => ({
            participantIds: f.getAll('to').map(String),
            subject: text(f, 'subject'),
            text: text(f, 'text'),
            ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}),
          })}
        >
          <fieldset>
            <legend>{t('To')}</legend>
            {d.participants
              .filter((p) => p.email)
              .map((p) => (
                <Checkbox key={p.id} name="to" value={p.id} label={`${s(p.name)} (${s(p.role)})`} my={4} />
              ))}
          </fieldset>
          <TextInput label={t('Subject')} name="subject" />
          <Textarea label={t('Text')} name="text" rows={6} />
          <TlpSelect label={t('TLP of this mail')} />
        </ActionForm>
      )}
    </>
  );
}
