/**
 * Every report, whatever became of it (waiting, an incident, not an incident, merged): filtered by
 * status and words, paged by a cursor, with the filters and the page in the address.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Answer } from '../api';
import { useT } from '../i18n';
import { SavedViews } from '../views';
import { addressWith, ErrorText, FilterForm, FilterSelect, Link, Pager, pickParams, TlpBadge, when } from '../components';
import { DataTable } from '../data-table';

type Row = Answer<'/api/reports'>[number];

const FILTERS = ['status', 'q'] as const;
const PAGE = 50;

export function ReportsPage({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const t = useT();
  const statuses: Array<[string, string]> = [
    ['new', t('waiting for triage')],
    ['incident', t('on an incident')],
    ['not-incident', t('not an incident')],
    ['merged', t('merged')],
  ];
  const query = pickParams(search, FILTERS);
  const before = search.get('before') ?? '';
  const page = new URLSearchParams(query);
  page.set('limit', String(PAGE));
  if (before) page.set('before', before);
  const list = useQuery({ queryKey: ['reports', 'all', page.toString()], queryFn: () => api<Row[]>('GET', `/api/reports?${page}`) });
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/reports', query, { [name]: value }));
  const rows = list.data ?? [];
  const last = rows.at(-1);
  const column = createColumnHelper<Row>();
  const columns = [
    column.accessor('id', { header: '#' }),
    column.accessor('received_at', { header: t('Received'), cell: ({ getValue }) => when(getValue()) }),
    column.accessor('subject', {
      header: t('Subject'),
      cell: ({ row: { original: r } }) => (
        <Link to={`/triage/reports/${r.id}`} navigate={navigate}>
          {r.subject}
        </Link>
      ),
    }),
    column.display({
      id: 'from',
      header: t('From'),
      cell: ({ row: { original: r } }) => r.reporter_email ?? (r.reporter_name || r.channel),
      meta: { optional: true },
    }),
    column.accessor('status', {
      header: t('Status'),
      cell: ({ row: { original: r } }) => (
        <>
          {statuses.find(([v]) => v === r.status)?.[1] ?? r.status}
          {r.incident_id && (
            <>
              {' '}
              <Link to={`/incidents/${r.incident_id}`} navigate={navigate}>
                #{r.incident_id}
              </Link>
            </>
          )}
          {r.merged_into_id && ` ${t('into #{id}', { id: r.merged_into_id })}`}
        </>
      ),
    }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
  ];
  return (
    <section>
      <h1>{t('Reports')}</h1>
      <SavedViews list="reports" path="/reports" query={query} navigate={navigate} />
      <FilterForm
        label={t('Filter reports')}
        words={{ label: t('Words'), placeholder: t('in subject or text'), value: query.get('q') ?? '' }}
        onWords={(v) => filter('q', v)}
      >
        <FilterSelect
          label={t('Status')}
          value={query.get('status') ?? ''}
          onChange={(v) => filter('status', v)}
          options={[['', t('any')], ...statuses]}
        />
      </FilterForm>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && <p>{query.size > 0 || before ? t('No report matches these filters.') : t('No report yet.')}</p>}
      {rows.length > 0 && <DataTable name="reports" rows={rows} rowId={(r) => r.id} columns={columns} />}
      <Pager
        path="/reports"
        query={query}
        before={before}
        next={last && rows.length === PAGE ? last.cursor : undefined}
        navigate={navigate}
      />
    </section>
  );
}
