import { Button, NativeSelect, TextInput } from '@mantine/core';
/**
 * The audit log: who did what, by name; filtered by action family and object, paged by entry
 * number (the filters and the page are in the address); and whether the hash chain is intact.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Answer } from '../api';
import { addressWith, Link, pickParams, when } from '../components';
import { DataTable } from '../data-table';
import { SavedViews } from '../views';
import { useT } from '../i18n';

const PAGE = 50;
/** The families of actions, as their names begin. */
const FAMILIES = [
  'auth',
  'user',
  'token',
  'profile',
  'report',
  'triage',
  'incident',
  'debrief',
  'evidence',
  'mail',
  'organisation',
  'feed',
  'notification',
  'directory',
  'sla',
];
const FILTERS = ['action', 'objectType', 'objectId', 'beforeSeq'] as const;
type Entry = Answer<'/api/audit'>[number];

export function AuditPage({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const t = useT();
  const query = pickParams(search, FILTERS);
  const entries = useQuery({
    queryKey: ['audit', query.toString()],
    queryFn: () => api<Answer<'/api/audit'>>('GET', `/api/audit?limit=${PAGE}&${query}`),
  });
  const verification = useQuery({
    queryKey: ['audit-verify'],
    queryFn: () => api<Answer<'/api/audit/verify'>>('GET', '/api/audit/verify'),
  });
  const go = (change: Record<string, string>) => navigate(addressWith('/audit', query, change));
  const last = entries.data?.at(-1);
  const column = createColumnHelper<Entry>();
  const columns = [
    column.accessor('seq', { header: '#' }),
    column.accessor('at', { header: t('Time'), cell: ({ getValue }) => when(getValue()) }),
    column.accessor('actor', {
      header: t('Who'),
      cell: ({ row: { original: e } }) => <span title={e.actor}>{e.actorName ?? e.actor}</span>,
    }),
    column.accessor('action', { header: t('Action') }),
    column.accessor('objectType', {
      header: t('Object'),
      cell: ({ row: { original: e } }) =>
        e.objectId ? (
          <Link to={`/audit?objectType=${encodeURIComponent(e.objectType)}&objectId=${encodeURIComponent(e.objectId)}`} navigate={navigate}>
            {e.objectType} #{e.objectId}
          </Link>
        ) : (
          e.objectType
        ),
    }),
  ];
  return (
    <section>
      <h1>{t('Audit log')}</h1>
      <SavedViews list="audit" path="/audit" query={pickParams(query, ['action', 'objectType', 'objectId'])} navigate={navigate} />
      {verification.data && (
        <p role="status" className={verification.data.ok ? 'ok' : 'bad'}>
          {verification.data.ok
            ? t('Chain intact: {count} entries.', { count: verification.data.checked })
            : t('Chain broken at entry {seq}: {problem}', {
                seq: verification.data.firstBad?.seq ?? '',
                problem: verification.data.firstBad?.problem ?? '',
              })}
        </p>
      )}
      <form className="filters" aria-label={t('Filter the audit log')} onSubmit={(e) => e.preventDefault()}>
        <NativeSelect label={t('Action')} value={query.get('action') ?? ''} onChange={(e) => go({ action: e.target.value, beforeSeq: '' })}>
          <option value="">{t('any')}</option>
          {FAMILIES.map((f) => (
            <option key={f} value={f}>
              {f}.*
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('Object')}
          defaultValue={query.get('objectType') ?? ''}
          placeholder={t('incident, user, …')}
          onBlur={(e) => go({ objectType: e.target.value.trim(), beforeSeq: '' })}
        />
        {query.get('objectId') && (
          <Button variant="default" onClick={() => go({ objectId: '', beforeSeq: '' })}>
            {t('Any {type}, not only #{id}', { type: query.get('objectType') ?? t('object'), id: query.get('objectId') ?? '' })}
          </Button>
        )}
      </form>
      {entries.isError && <p role="alert">{entries.error.message}</p>}
      {entries.data?.length === 0 && <p>{t('No entry matches.')}</p>}
      <DataTable name="audit-table" rows={entries.data ?? []} rowId={(e) => String(e.seq)} columns={columns} />
      <p className="actions">
        {query.get('beforeSeq') && (
          <Button variant="default" onClick={() => go({ beforeSeq: '' })}>
            {t('← Newest')}
          </Button>
        )}
        {last && entries.data?.length === PAGE && (
          <Button variant="default" onClick={() => go({ beforeSeq: last.seq })}>
            {t('Older →')}
          </Button>
        )}
      </p>
    </section>
  );
}
