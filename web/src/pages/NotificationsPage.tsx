import { Button, NativeSelect, Table } from '@mantine/core';
/** Notifications: the queue (queued, sent, bounced, withheld), a dry-run preview, and the feedback figures. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api, type Answer } from '../api';
import { ErrorText, TlpBadge, when, ScrollTable } from '../components';
import { DataTable } from '../data-table';
import { useT } from '../i18n';

type Notification = Answer<'/api/notifications'>['notifications'][number];
type Preview = Answer<'/api/notifications/dispatch', 'post'>['notifications'][number];
type Figures = Answer<'/api/notifications/feedback'>['byFeed'][number];

const STATES = ['', 'queued', 'sent', 'delayed', 'complained', 'bounced', 'failed', 'withheld'] as const;

export function NotificationsPage({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const [status, setStatus] = useState<string>('');
  // The cursors of the pages before this one: the newest page has none.
  const [pages, setPages] = useState<string[]>([]);
  const before = pages.at(-1);
  const query = new URLSearchParams({ limit: '50', ...(status ? { status } : {}), ...(before ? { before } : {}) });
  const list = useQuery({
    queryKey: ['notifications', status, before],
    queryFn: () => api<{ notifications: Notification[]; next?: string }>('GET', `/api/notifications?${query}`),
  });
  const figures = useQuery({
    queryKey: ['notifications', 'feedback'],
    queryFn: () => api<{ byFeed: Figures[]; byOrganisation: Figures[] }>('GET', '/api/notifications/feedback'),
  });
  const column = createColumnHelper<Notification>();
  const columns = [
    column.accessor('createdAt', { header: t('Built'), cell: ({ getValue }) => when(getValue()) }),
    column.accessor('organisation', { header: t('Organisation') }),
    column.accessor('feed', { header: t('Feed') }),
    column.accessor('events', { header: t('Events') }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    column.accessor('delivery', {
      header: t('Mails'),
      cell: ({ row: { original: n } }) =>
        n.status === 'withheld' ? (
          <span>{t('withheld: {reason}', { reason: n.reason ?? '' })}</span>
        ) : (
          <ul>
            {n.delivery.map((d) => (
              <li key={d.to}>
                {d.to}: {d.status}
                {d.encrypted ? ` (${t('encrypted')})` : ''}
                {d.error ? ` — ${d.error}` : ''}
              </li>
            ))}
          </ul>
        ),
    }),
    column.accessor((n) => n.feedback.map((f) => `${f.verdict}${f.comment ? `: ${f.comment}` : ''}`).join('; '), {
      id: 'feedback',
      header: t('Feedback'),
      meta: { optional: true },
    }),
  ];
  return (
    <section>
      <h1>{t('Notifications')}</h1>
      {canWrite && <Dispatch />}
      <p>
        <NativeSelect
          label={t('Show')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPages([]);
          }}
          aria-label={t('Status')}
        >
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s || t('all')}
            </option>
          ))}
        </NativeSelect>
      </p>
      <ErrorText error={list.error} />
      <DataTable name="notifications" rows={list.data?.notifications ?? []} rowId={(n) => n.id} columns={columns} />
      <p>
        {pages.length > 0 && (
          <Button variant="default" onClick={() => setPages(pages.slice(0, -1))}>
            {t('← Newer')}
          </Button>
        )}{' '}
        {list.data?.next && (
          <Button variant="default" onClick={() => setPages([...pages, list.data!.next!])}>
            {t('Older →')}
          </Button>
        )}
      </p>
      <h2>{t('Feedback')}</h2>
      <div className="columns" data-testid="feedback-figures">
        <FigureTable title={t('Per feed')} rows={figures.data?.byFeed ?? []} />
        <FigureTable title={t('Per organisation')} rows={figures.data?.byOrganisation ?? []} />
      </div>
    </section>
  );
}

function FigureTable({ title, rows }: { title: string; rows: Figures[] }) {
  const t = useT();
  return (
    <ScrollTable>
      <caption>{title}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Name')}</Table.Th>
          <Table.Th>{t('Notifications')}</Table.Th>
          <Table.Th>{t('Events')}</Table.Th>
          <Table.Th>{t('Useful')}</Table.Th>
          <Table.Th>{t('Not useful')}</Table.Th>
          <Table.Th>{t('False positive')}</Table.Th>
          <Table.Th>{t('Comments')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.notifications}</Table.Td>
            <Table.Td>{r.events}</Table.Td>
            <Table.Td>{r.useful}</Table.Td>
            <Table.Td>{r.notUseful}</Table.Td>
            <Table.Td>{r.falsePositive}</Table.Td>
            <Table.Td>{r.comments}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function Dispatch() {
  const t = useT();
  const queryClient = useQueryClient();
  const dispatch = useMutation({
    mutationFn: (dryRun: boolean) => api<{ notifications: Preview[] }>('POST', '/api/notifications/dispatch', { dryRun }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const previews = dispatch.data?.notifications;
  return (
    <div>
      <Button variant="default" onClick={() => dispatch.mutate(true)} disabled={dispatch.isPending}>
        {t('Preview what is due (dry run)')}
      </Button>{' '}
      <Button variant="default" onClick={() => dispatch.mutate(false)} disabled={dispatch.isPending}>
        {t('Build due notifications')}
      </Button>
      <ErrorText error={dispatch.error} />
      {previews && (
        <div data-testid="dispatch-result">
          <p>
            {dispatch.variables
              ? t('{count} notification(s) would be built; nothing was written.', { count: previews.length })
              : t('{count} notification(s) built.', { count: previews.length })}
          </p>
          {previews.map((p) => (
            <details key={`${p.organisation}-${p.feed}`}>
              <summary>
                {p.organisation} · {p.feed} · {t('{count} events', { count: p.events })} · {p.status}
                {p.reason ? ` (${p.reason})` : ''}
              </summary>
              {p.mails.map((m) => (
                <div key={m.to}>
                  <p>
                    {t('To {address}', { address: m.to })} ({m.language}, {m.encrypted ? t('encrypted') : t('signed')}):{' '}
                    <strong>{m.subject}</strong>
                  </p>
                  <pre>{m.body}</pre>
                </div>
              ))}
            </details>
          ))}
        </div>
      )}
    </div>
  );
}
