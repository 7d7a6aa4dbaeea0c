import { Button } from '@mantine/core';
/** Early-warning feeds: their definitions, runs (counts, bad rows, errors; running ones update live) and uploads. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, upload, type Answer } from '../api';
import { ErrorText, ScrollTable, TlpBadge, useSectionPages, when } from '../components';
import { FeedForm, type Feed } from './FeedForm';
import { useT } from '../i18n';

type Run = Answer<'/api/feed-runs'>['runs'][number];
const RUN_PAGE = 50;

export function FeedsPage({ canWrite }: { canWrite: boolean }) {
  const feeds = useQuery({ queryKey: ['feeds'], queryFn: () => api<{ feeds: Feed[] }>('GET', '/api/feeds') });
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
        <thead>
          <tr>
            <th>{t('Feed')}</th>
            <th>{t('Format')}</th>
            <th>{t('Source')}</th>
            <th>{t('Schedule')}</th>
            <th>TLP</th>
            <th>{t('Notify')}</th>
            {canWrite && <th>{t('Run')}</th>}
          </tr>
        </thead>
        <tbody>
          {(feeds.data?.feeds ?? []).map((f) => (
            <tr key={f.name}>
              <td>
                {f.name}
                {f.enabled ? '' : ` (${t('disabled')})`}
                <br />
                <small>{f.description}</small>
              </td>
              <td>{f.format}</td>
              <td>{f.source.kind}</td>
              <td>{f.schedule}</td>
              <td>
                <TlpBadge tlp={f.tlp} />
              </td>
              <td>{f.notify}</td>
              {canWrite && (
                <td>
                  <RunFeed feed={f} />
                  <details>
                    <summary>{t('Change')}</summary>
                    <FeedForm key={f.version} feed={f} />
                  </details>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {canWrite && (
        <details className="panel">
          <summary>{t('Add a feed')}</summary>
          <FeedForm />
        </details>
      )}
      <h2>{t('Runs')}</h2>
      <ScrollTable data-testid="feed-runs">
        <thead>
          <tr>
            <th>{t('Started')}</th>
            <th>{t('Feed')}</th>
            <th>{t('Status')}</th>
            <th>{t('Rows')}</th>
            <th>{t('New events')}</th>
            <th>{t('Duplicates')}</th>
            <th>{t('Unowned')}</th>
            <th>{t('Malformed')}</th>
          </tr>
        </thead>
        <tbody>
          {(runs.data?.runs ?? []).map((r) => (
            <tr key={r.id}>
              <td>{when(r.started_at)}</td>
              <td>
                {r.feed_name}
                <br />
                <small>{r.source}</small>
              </td>
              <td>
                {r.status}
                {r.error && <div role="note">{r.error}</div>}
                {r.warnings.map((w) => (
                  <div key={w} role="note" className="muted">
                    {w}
                  </div>
                ))}
              </td>
              <td>
                {r.rows_read}
                {Number(r.skipped) > 0 && <div className="muted">{t('{n} not findings', { n: r.skipped })}</div>}
              </td>
              <td>{r.events}</td>
              <td>{r.duplicates}</td>
              <td>{r.unowned}</td>
              <td>
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
              </td>
            </tr>
          ))}
        </tbody>
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
