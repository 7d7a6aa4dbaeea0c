import { NativeSelect, Table, Textarea } from '@mantine/core';
/**
 * The constituent portal: the reports of my organisation and where each stands, the mail about
 * one between us and the team, and a reply that joins its thread.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ActionForm, ErrorText, Link, ScrollTable, text, TlpBadge, when } from '../components';
import { useT } from '../i18n';

type Summary = Answer<'/api/my/reports'>[number];
type Detail = Answer<'/api/my/reports/{id}'>;

export function MyReportsPage({ path, navigate }: { path: string; navigate: (to: string) => void }) {
  const id = /^\/my-reports\/(\d+)$/.exec(path)?.[1];
  return id ? <MyReport id={id} navigate={navigate} /> : <MyReportList navigate={navigate} />;
}

/** Where a report stands, in the user's language (the API says it in English). */
function useStanding(): (status: string, english: string) => string {
  const t = useT();
  const words: Record<string, string> = {
    new: t('received, waiting for triage'),
    incident: t('being handled as an incident'),
    'not-incident': t('looked at: not an incident'),
    merged: t('handled together with another report'),
  };
  return (status, english) => words[status] ?? english;
}

function MyReportList({ navigate }: { navigate: (to: string) => void }) {
  const t = useT();
  const standing = useStanding();
  const list = useQuery({ queryKey: ['my-reports'], queryFn: () => api<Summary[]>('GET', '/api/my/reports?limit=100') });
  return (
    <section>
      <h1>{t("My organisation's reports")}</h1>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && (
        <p>
          {t('Nothing reported yet. To tell the team about an incident, use')}{' '}
          <Link to="/report" navigate={navigate}>
            {t('Report')}
          </Link>
          {t('; it will appear here with where it stands.')}
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <ScrollTable data-testid="my-reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('Subject')}</Table.Th>
              <Table.Th>{t('Sent')}</Table.Th>
              <Table.Th>{t('By')}</Table.Th>
              <Table.Th>{t('Where it stands')}</Table.Th>
              <Table.Th>TLP</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.id}</Table.Td>
                <Table.Td>
                  <Link to={`/my-reports/${r.id}`} navigate={navigate}>
                    {r.subject}
                  </Link>
                </Table.Td>
                <Table.Td>{when(r.receivedAt)}</Table.Td>
                <Table.Td>{r.reporterName}</Table.Td>
                <Table.Td>{standing(r.status, r.standing)}</Table.Td>
                <Table.Td>
                  <TlpBadge tlp={r.tlp} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function MyReport({ id, navigate }: { id: string; navigate: (to: string) => void }) {
  const t = useT();
  const standing = useStanding();
  const key = ['my-report', id];
  const report = useQuery({ queryKey: key, queryFn: () => api<Detail>('GET', `/api/my/reports/${id}`) });
  if (report.isPending) return <p>{t('Loading the report…')}</p>;
  if (report.isError) return <ErrorText error={report.error} />;
  const r = report.data;
  return (
    <section>
      <p>
        <Link to="/my-reports" navigate={navigate}>
          {t("← My organisation's reports")}
        </Link>
      </p>
      <h1>{t('Report #{id}: {subject}', { id: r.id, subject: r.subject })}</h1>
      <p>
        <TlpBadge tlp={r.tlp} /> · {t('sent {when} by {who}', { when: when(r.receivedAt), who: r.reporterName || t('your organisation') })}{' '}
        · <strong data-testid="standing">{standing(r.status, r.standing)}</strong>
      </p>
      <div className="pre panel">{r.body}</div>
      <h2>{t('Conversation with the team')}</h2>
      {r.messages.length === 0 && <p className="muted">{t('No mail about this report yet.')}</p>}
      {r.messages.map((m) => (
        <article
          key={m.id}
          className={m.direction === 'out' ? 'message message-out' : 'message'}
          aria-label={t('Mail from {from}', { from: m.from })}
        >
          <header className="muted">
            {m.direction === 'out' ? t('From the team') : m.from}, {when(m.at)} <TlpBadge tlp={m.tlp} />
          </header>
          <div className="pre">{m.text}</div>
        </article>
      ))}
      {r.status !== 'new' && (
        <ActionForm
          label={t('Send feedback')}
          method="PUT"
          path={`/api/my/reports/${id}/feedback`}
          invalidates={[key]}
          toBody={(f) => ({ rating: Number(text(f, 'rating')), comment: text(f, 'comment') })}
        >
          <h2>{t('How did the team handle it?')}</h2>
          {r.feedback && (
            <p className="muted">{t('Your answer: {rating} of 5. Answer again to change it.', { rating: r.feedback.rating })}</p>
          )}
          <NativeSelect label={t('Rating (5 is best)')} name="rating" defaultValue={String(r.feedback?.rating ?? 5)}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </NativeSelect>
          <Textarea label={t('Anything to add')} name="comment" rows={2} defaultValue={r.feedback?.comment ?? ''} />
        </ActionForm>
      )}
      <ActionForm
        label={t('Send reply')}
        path={`/api/my/reports/${id}/replies`}
        invalidates={[key]}
        toBody={(f) => ({ text: text(f, 'text') })}
      >
        <Textarea label={t('Reply to the team about this report')} name="text" rows={4} />
      </ActionForm>
    </section>
  );
}
