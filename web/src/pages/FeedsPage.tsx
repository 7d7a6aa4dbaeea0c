import { Button, Table } from '@mantine/core';
/** Early-warning feeds: their definitions, runs (counts, bad rows, errors; running ones update live) and uploads. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, upload, type Answer } from '../api';
import { ErrorText, ScrollTable, TlpBadge, useNextPages, useSectionPages, when } from '../components';
import { FeedForm, type Feed } from './FeedForm';
import { useT } from '../i18n';

type Run = Answer<'/api/feed-runs'>['runs'][number];
const RUN_PAGE = 50;
const FEED_PAGE = 50;

export function FeedsPage({ canWrite }: { canWrite: boolean }) {
  const feedPages = useNextPages();
  const feeds = useQuery({
    queryKey: ['feeds', feedPages.after ?? ''],
    queryFn: () => api<Answer<'/api/feeds'>>('GET', `/api/feeds?limit=${FEED_PAGE}${feedPages.after ? `&after=${feedPages.after}` : ''}`),
  });
  const { before, pager } = useSectionPages(RUN_PAGE);
  const t = useT();
  const runs = useQuery({
    queryKey: ['feed-runs', before ?? ''],
    queryFn: () => api<{ runs: Run[] }>('GET', `/api/feed-runs?limit=${RUN_PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`),
    // A running feed writes its counts every few seconds: follow them.
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'running') ? 2000 : false),
  });
  return (
    <section>
      <h1>{t('Feeds')}</h1>
      <ErrorText error={feeds.error} />
      <ScrollTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Feed')}</Table.Th>
            <Table.Th>{t('Format')}</Table.Th>
            <Table.Th>{t('Source')}</Table.Th>
            <Table.Th>{t('Schedule')}</Table.Th>
            <Table.Th>TLP</Table.Th>
            <Table.Th>{t('Notify')}</Table.Th>
            {canWrite && <Table.Th>{t('Run')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(feeds.data?.feeds ?? []).map((f) => (
            <Table.Tr key={f.name}>
              <Table.Td>
                {f.name}
                {f.enabled ? '' : ` (${t('disabled')})`}
                <br />
                <small>{f.description}</small>
              </Table.Td>
              <Table.Td>{f.format}</Table.Td>
              <Table.Td>{f.source.kind}</Table.Td>
              <Table.Td>{f.schedule}</Table.Td>
              <Table.Td>
                <TlpBadge tlp={f.tlp} />
              </Table.Td>
              <Table.Td>{f.notify}</Table.Td>
              {canWrite && (
                <Table.Td>
                  <RunFeed feed={f} />
                  <details>
                    <summary>{t('Change')}</summary>
                    <FeedForm key={f.version} feed={f} />
                  </details>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {feedPages.pager(feeds.data?.next)}
      {canWrite && (
        <details className="panel">
          <summary>{t('Add a feed')}</summary>
          <FeedForm />
        </details>
      )}
      <h2>{t('Runs')}</h2>
      <ScrollTable data-testid="feed-runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Started')}</Table.Th>
            <Table.Th>{t('Feed')}</Table.Th>
            <Table.Th>{t('Status')}</Table.Th>
            <Table.Th>{t('Rows')}</Table.Th>
            <Table.Th>{t('New events')}</Table.Th>
            <Table.Th>{t('Duplicates')}</Table.Th>
            <Table.Th>{t('Unowned')}</Table.Th>
            <Table.Th>{t('Malformed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(runs.data?.runs ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{when(r.started_at)}</Table.Td>
              <Table.Td>
                {r.feed_name}
                <br />
                <small>{r.source}</small>
              </Table.Td>
              <Table.Td>
                {r.status}
                {r.error && <div role="note">{r.error}</div>}
                {r.warnings.map((w) => (
                  <div key={w} role="note" className="muted">
                    {w}
                  </div>
                ))}
              </Table.Td>
              <Table.Td>
                {r.rows_read}
                {Number(r.skipped) > 0 && <div className="muted">{t('{n} not findings', { n: r.skipped })}</div>}
              </Table.Td>
              <Table.Td>{r.events}</Table.Td>
              <Table.Td>{r.duplicates}</Table.Td>
              <Table.Td>{r.unowned}</Table.Td>
              <Table.Td>
                {r.malformed}
                {r.bad_rows.length > 0 && (
                  <details>
                    <summary>{t('bad rows')}</summary>
                    <ul>
                      {r.bad_rows.map((b) => (
                        <li key={b.line}>{t('line {line}: {reason}', { line: b.line, reason: b.reason })}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {pager(runs.data?.runs)}
    </section>
  );
}

function RunFeed({ feed }: { feed: Feed }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['feed-runs'] });
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  const run = useMutation({
    mutationFn: () =>
      file
        ? upload<unknown>(`/api/feeds/${feed.name}/upload?filename=${encodeURIComponent(file.name)}`, file)
        : api<unknown>('POST', `/api/feeds/${feed.name}/run`),
    onSuccess: refresh,
    onSettled: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The run row appears at once; its counts follow while the upload streams.
    run.mutate();
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['feed-runs'] }), 500);
  };
  return (
    <form onSubmit={submit} aria-label={t('Run {name}', { name: feed.name })}>
      {feed.source.kind === 'upload' && (
        <input
          type="file"
          aria-label={t('File for {name}', { name: feed.name })}
          accept=".csv,.gz,.json,.jsonl"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
      )}
      <Button type="submit" disabled={run.isPending}>
        {run.isPending ? t('Running…') : feed.source.kind === 'upload' ? t('Upload and run') : t('Run now')}
      </Button>
      <ErrorText error={run.error} />
    </form>
  );
}
