import { TextInput, Textarea } from '@mantine/core';
/** The triage queue and one report: its mail as received (PGP status, raw mail), and the triage decisions. */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Answer } from '../api';
import { ActionButton, ActionForm, ErrorText, Link, SlaBadge, TlpBadge, text, when, useSectionPages } from '../components';
import { DataTable } from '../data-table';
import { useT } from '../i18n';
import { LOOKUP_KINDS, LookupInline } from '../lookup';
import { MachineReportFacts } from './MachineReportFacts';

type QueueRow = Answer<'/api/reports'>[number];

/** Mail as the API document describes it (the incident page's messages; the report page sends the same columns). */
type Message = Answer<'/api/incidents/{id}'>['messages'][number];

type ReportDetail = Answer<'/api/reports/{id}'>;

export function PgpStatus({ message }: { message: Pick<Message, 'pgp_encryption' | 'pgp_signature' | 'pgp_signer'> }) {
  const t = useT();
  const signature: Record<string, string> = {
    valid: t('signature valid'),
    invalid: t('signature INVALID'),
    'unknown-key': t('signed with an unknown key'),
    'not-signed': t('not signed'),
    signed: t('signed by us'),
  };
  if (message.pgp_signature === 'smime-unverified')
    return (
      <span className="pgp pgp-smime" data-testid="pgp-status">
        {t('S/MIME signed (not verified)')}
      </span>
    );
  const parts = [signature[message.pgp_signature] ?? message.pgp_signature];
  if (message.pgp_encryption !== 'none')
    parts.unshift(message.pgp_encryption === 'failed' ? t('could NOT be decrypted') : message.pgp_encryption);
  return (
    <span className={`pgp pgp-${message.pgp_signature}`} data-testid="pgp-status" title={message.pgp_signer ?? undefined}>
      PGP: {parts.join(', ')}
    </span>
  );
}

/** Sanitised on the server; shown in a sandbox that runs nothing and loads nothing. */
function HtmlBody({ html }: { html: string }) {
  const t = useT();
  return (
    <iframe
      className="mail-html"
      title={t('HTML part (sanitised)')}
      sandbox=""
      srcDoc={`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">${html}`}
    />
  );
}

export function MessageView({ message }: { message: Message }) {
  const t = useT();
  return (
    <article className={`message message-${message.direction}`}>
      <header>
        <strong>
          {message.direction === 'in'
            ? t('From {address}', { address: message.from_address || t('unknown') })
            : t('To {addresses}', { addresses: message.to_addresses.join(', ') })}
        </strong>{' '}
        · {when(message.created_at)} · <TlpBadge tlp={message.tlp} /> · <PgpStatus message={message} />
        {message.auto_submitted && <span className="muted"> · {t('sent by a machine')}</span>}
        {message.delivery_status && (
          <span className={message.delivery_status === 'failed' || message.delivery_status === 'suppressed' ? 'bad' : 'muted'}>
            {' '}
            · {message.automatic ? `${t('automatic')}, ` : ''}
            {message.delivery_status}
            {message.delivery_error ? `: ${message.delivery_error}` : ''}
          </span>
        )}{' '}
        · <a href={`/api/messages/${message.id}/raw`}>{t('raw mail (.eml)')}</a>
      </header>
      <div className="subject">{message.subject}</div>
      <pre className="mail-text">{message.body_text}</pre>
      {message.body_html && (
        <details>
          <summary>{t('HTML part')}</summary>
          <HtmlBody html={message.body_html} />
        </details>
      )}
    </article>
  );
}

/** What the signed-in user may do here: forms are shown only to those the server would let through. */
export interface TriageRights {
  triage: boolean;
  sendMail: boolean;
}

export function TriagePage({ path, navigate, rights }: { path: string; navigate: (to: string) => void; rights: TriageRights }) {
  const match = /^\/triage\/reports\/(\d+)/.exec(path);
  if (match?.[1]) return <ReportView id={match[1]} navigate={navigate} rights={rights} />;
  return <Queue navigate={navigate} />;
}

const QUEUE_PAGE = 100;

function Queue({ navigate }: { navigate: (to: string) => void }) {
  const t = useT();
  const { before, pager } = useSectionPages(QUEUE_PAGE);
  const page = new URLSearchParams({ status: 'new', limit: String(QUEUE_PAGE), ...(before ? { before } : {}) });
  const queue = useQuery({ queryKey: ['reports', 'new', page.toString()], queryFn: () => api<QueueRow[]>('GET', `/api/reports?${page}`) });
  const column = createColumnHelper<QueueRow>();
  const columns = [
    column.accessor('id', { header: '#' }),
    column.accessor('received_at', { header: t('Received'), cell: ({ getValue }) => when(getValue()) }),
    column.accessor('subject', {
      header: t('Subject'),
      cell: ({ row: { original: r } }) => (
        <>
          <Link to={`/triage/reports/${r.id}`} navigate={navigate}>
            {r.subject}
          </Link>
          {r.sensitive && <strong className="bad"> {t('SENSITIVE')}</strong>}
          {r.intake_status !== 'ok' && <span className="bad"> ({r.intake_status})</span>}
        </>
      ),
    }),
    column.display({
      id: 'from',
      header: t('From'),
      cell: ({ row: { original: r } }) => r.reporter_email ?? r.reporter_name ?? r.channel,
      meta: { optional: true },
    }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    column.accessor('sla', { header: 'SLA', cell: ({ getValue }) => <SlaBadge name="triage" timer={getValue().triage} /> }),
  ];
  return (
    <section>
      <h1>{t('Triage queue')}</h1>
      <ErrorText error={queue.error} />
      {queue.data?.length === 0 && <p>{t('No reports waiting.')}</p>}
      <DataTable name="triage-queue" rows={queue.data ?? []} rowId={(r) => r.id} columns={columns} />
      {pager(queue.data)}
    </section>
  );
}

function ReportView({ id, navigate, rights }: { id: string; navigate: (to: string) => void; rights: TriageRights }) {
  const t = useT();
  const key = ['report', id];
  const report = useQuery({ queryKey: key, queryFn: () => api<ReportDetail>('GET', `/api/reports/${id}`) });
  if (report.isPending) return <p>{t('Loading report…')}</p>;
  if (report.isError) return <ErrorText error={report.error} />;
  const r = report.data;
  const refresh = [key, ['reports', 'new'], ['incidents']];
  return (
    <section>
      <p>
        <Link to="/triage" navigate={navigate}>
          {t('← Triage queue')}
        </Link>
      </p>
      <h1>{t('Report #{id}: {subject}', { id: r.id, subject: r.subject })}</h1>
      <dl className="facts">
        <dt>{t('Status')}</dt>
        <dd data-testid="report-status">
          {r.status}
          {r.incident_id && (
            <>
              {' '}
              —{' '}
              <Link to={`/incidents/${r.incident_id}`} navigate={navigate}>
                {t('incident #{id}', { id: r.incident_id })}
              </Link>
            </>
          )}
          {r.merged_into_id && ` — ${t('merged into #{id}', { id: r.merged_into_id })}`}
          {r.not_incident_reason && ` — ${r.not_incident_reason}`}
        </dd>
        <dt>{t('From')}</dt>
        <dd>
          {r.reporter_name} {r.reporter_email && `<${r.reporter_email}>`} {t('via {channel}', { channel: r.channel })}
        </dd>
        <dt>{t('Received')}</dt>
        <dd>{when(r.received_at)}</dd>
        {r.reported_at && r.reported_at < r.received_at && (
          <>
            <dt>{t('Reported (the mail’s date)')}</dt>
            <dd data-testid="reported-at">{when(r.reported_at)}</dd>
          </>
        )}
        <dt>TLP</dt>
        <dd>
          <TlpBadge tlp={r.tlp} />{' '}
          <span className="muted">
            ({r.tlp_source === 'stated' ? t('as stated by the sender') : r.tlp_source === 'set' ? t('set by hand') : t('team default')})
          </span>
          {r.sensitive && <strong className="bad"> {t('SENSITIVE: replies must be encrypted')}</strong>}
        </dd>
        <dt>{t('Intake')}</dt>
        <dd>
          {r.intake_status}
          {r.intake_notes.map((n) => (
            <div key={n} className="muted">
              {n}
            </div>
          ))}
        </dd>
      </dl>
      {r.machine_report && <MachineReportFacts report={r.machine_report} />}

      {r.status === 'new' && rights.triage && (
        <div className="triage-actions">
          <ActionForm
            label={t('Open incident')}
            path="/api/incidents"
            toBody={(f) => ({ title: text(f, 'title') || r.subject, reportIds: [r.id], ...(r.machine_report?.suggestion ?? {}) })}
            invalidates={refresh}
            onDone={(res) => navigate(`/incidents/${(res as { id: string }).id}`)}
          >
            <TextInput label={t('Incident title')} name="title" defaultValue={r.subject} />
          </ActionForm>
          <ActionForm
            label={t('Attach to incident')}
            path={`/api/reports/${r.id}/attach`}
            toBody={(f) => ({ incidentId: text(f, 'incidentId') })}
            invalidates={refresh}
          >
            <TextInput label={t('Incident number')} name="incidentId" inputMode="numeric" />
          </ActionForm>
          <ActionForm
            label={t('Not an incident')}
            path={`/api/reports/${r.id}/not-incident`}
            toBody={(f) => ({ reason: text(f, 'reason') })}
            invalidates={refresh}
          >
            <TextInput label={t('Reason')} name="reason" />
          </ActionForm>
          <ActionForm
            label={t('Merge as duplicate')}
            path={`/api/reports/${r.id}/merge`}
            toBody={(f) => ({ into: text(f, 'into') })}
            invalidates={refresh}
          >
            <TextInput label={t('Duplicate of report number')} name="into" inputMode="numeric" />
          </ActionForm>
        </div>
      )}

      {r.candidates.length > 0 && (
        <>
          <h2>{t('Possibly related')}</h2>
          <ul data-testid="candidates">
            {r.candidates.map((c) => (
              <li key={`${c.kind}${c.id}`}>
                <Link to={c.kind === 'incident' ? `/incidents/${c.id}` : `/triage/reports/${c.id}`} navigate={navigate}>
                  {c.kind === 'incident' ? t('incident #{id}', { id: c.id }) : t('report #{id}', { id: c.id })} {c.title}
                </Link>{' '}
                <span className="muted">{c.reasons.join('; ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('Mail')}</h2>
      {r.messages.length === 0 && <pre className="mail-text">{r.body}</pre>}
      {r.messages.map((m) => (
        <MessageView key={m.id} message={m} />
      ))}
      {r.reporter_email && rights.sendMail && (
        <ActionForm
          label={t('Send reply')}
          path={`/api/reports/${r.id}/reply`}
          toBody={(f) => ({ text: text(f, 'text') })}
          invalidates={[key]}
        >
          <Textarea label={t('Reply to {address}', { address: r.reporter_email })} name="text" rows={5} />
        </ActionForm>
      )}

      {r.attachments.length > 0 && (
        <>
          <h2>{t('Attachments')}</h2>
          <ul>
            {r.attachments.map((a) => (
              <li key={a.id}>
                {a.stored ? <a href={`/api/attachments/${a.id}`}>{a.filename}</a> : a.filename}{' '}
                <span className="muted">
                  ({a.content_type}, {t('{size} bytes', { size: a.size })}, SHA-256 {a.sha256.slice(0, 16)}…{a.note ? `; ${a.note}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {r.feedback.length > 0 && (
        <>
          <h2>{t('Feedback from the reporter')}</h2>
          <ul data-testid="report-feedback">
            {r.feedback.map((f) => (
              <li key={f.name}>
                {f.name}, {when(f.givenAt)}: <strong>{t('{rating} of 5', { rating: String(f.rating) })}</strong>
                {f.comment && ` — “${f.comment}”`}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('Indicators')}</h2>
      {r.indicators.length === 0 ? (
        <p className="muted">{t('None found in the text.')}</p>
      ) : (
        <ul className="indicators">
          {r.indicators.map((i) => (
            <li key={`${i.kind}${i.value}`}>
              <code>{i.value}</code> <span className="muted">{i.kind}</span>{' '}
              {LOOKUP_KINDS.has(i.kind) && <LookupInline value={i.value} navigate={navigate} />}{' '}
              <Link to={`/search?seen=${encodeURIComponent(i.value)}`} navigate={navigate}>
                {t('seen elsewhere?')}
              </Link>
            </li>
          ))}
        </ul>
      )}

      {r.operations.length > 0 && (
        <>
          <h2>{t('Triage history')}</h2>
          <ul>
            {r.operations.map((o) => (
              <li key={o.id}>
                {when(o.createdAt)} {o.summary}{' '}
                {o.undoneAt ? (
                  <span className="muted">({t('undone {at}', { at: when(o.undoneAt) })})</span>
                ) : (
                  rights.triage && <ActionButton label={t('Undo')} path={`/api/triage/operations/${o.id}/undo`} invalidates={refresh} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
