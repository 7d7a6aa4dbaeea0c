/**
 * The constituent portal: the reports of my organisation and where each stands, the mail about
 * one between us and the team, and a reply that joins its thread.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ActionForm, ErrorText, Link, ScrollTable, text, TlpBadge, when } from '../components';

type Summary = Answer<'/api/my/reports'>[number];
type Detail = Answer<'/api/my/reports/{id}'>;

export function MyReportsPage({ path, navigate }: { path: string; navigate: (to: string) => void }) {
  const id = /^\/my-reports\/(\d+)$/.exec(path)?.[1];
  return id ? <MyReport id={id} navigate={navigate} /> : <MyReportList navigate={navigate} />;
}

function MyReportList({ navigate }: { navigate: (to: string) => void }) {
  const list = useQuery({ queryKey: ['my-reports'], queryFn: () => api<Summary[]>('GET', '/api/my/reports?limit=100') });
  return (
    <section>
      <h1>My organisation's reports</h1>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && (
        <p>
          Nothing reported yet. To tell the team about an incident, use{' '}
          <Link to="/report" navigate={navigate}>
            Report
          </Link>
          ; it will appear here with where it stands.
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <ScrollTable data-testid="my-reports">
          <thead>
            <tr>
              <th>#</th>
              <th>Subject</th>
              <th>Sent</th>
              <th>By</th>
              <th>Where it stands</th>
              <th>TLP</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>
                  <Link to={`/my-reports/${r.id}`} navigate={navigate}>
                    {r.subject}
                  </Link>
                </td>
                <td>{when(r.receivedAt)}</td>
                <td>{r.reporterName}</td>
                <td>{r.standing}</td>
                <td>
                  <TlpBadge tlp={r.tlp} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function MyReport({ id, navigate }: { id: string; navigate: (to: string) => void }) {
  const key = ['my-report', id];
  const report = useQuery({ queryKey: key, queryFn: () => api<Detail>('GET', `/api/my/reports/${id}`) });
  if (report.isPending) return <p>Loading the report…</p>;
  if (report.isError) return <ErrorText error={report.error} />;
  const r = report.data;
  return (
    <section>
      <p>
        <Link to="/my-reports" navigate={navigate}>
          ← My organisation's reports
        </Link>
      </p>
      <h1>
        Report #{r.id}: {r.subject}
      </h1>
      <p>
        <TlpBadge tlp={r.tlp} /> · sent {when(r.receivedAt)} by {r.reporterName || 'your organisation'} ·{' '}
        <strong data-testid="standing">{r.standing}</strong>
      </p>
      <div className="pre panel">{r.body}</div>
      <h2>Conversation with the team</h2>
      {r.messages.length === 0 && <p className="muted">No mail about this report yet.</p>}
      {r.messages.map((m) => (
        <article key={m.id} className={m.direction === 'out' ? 'message message-out' : 'message'} aria-label={`Mail from ${m.from}`}>
          <header className="muted">
            {m.direction === 'out' ? 'From the team' : m.from}, {when(m.at)} <TlpBadge tlp={m.tlp} />
          </header>
          <div className="pre">{m.text}</div>
        </article>
      ))}
      <ActionForm label="Send reply" path={`/api/my/reports/${id}/replies`} invalidates={[key]} toBody={(f) => ({ text: text(f, 'text') })}>
        <label>
          Reply to the team about this report
          <textarea name="text" rows={4} />
        </label>
      </ActionForm>
    </section>
  );
}
