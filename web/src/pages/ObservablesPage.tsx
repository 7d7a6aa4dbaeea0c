/**
 * Observables across incidents, newest first: found by value (defanged is fine), kind or IOC
 * flag, each with the incident it is on, where else it was seen, and who is responsible for it.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Answer } from '../api';
import { addressWith, ErrorText, FilterForm, FilterSelect, Link, Pager, pickParams, TlpBadge, when } from '../components';
import { DataTable } from '../data-table';
import { LOOKUP_KINDS, LookupInline } from '../lookup';
import { useT } from '../i18n';

type Observable = Answer<'/api/observables'>[number];
const FILTERS = ['q', 'kind', 'ioc'] as const;
const KINDS = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve'] as const;
const PAGE = 50;

export function ObservablesPage({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const t = useT();
  const query = pickParams(search, FILTERS);
  const before = search.get('before') ?? '';
  const page = new URLSearchParams(query);
  page.set('limit', String(PAGE));
  if (before) page.set('before', before);
  const list = useQuery({
    queryKey: ['observables', page.toString()],
    queryFn: () => api<Observable[]>('GET', `/api/observables?${page}`),
  });
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/observables', query, { [name]: value }));
  const rows = list.data ?? [];
  const column = createColumnHelper<Observable>();
  const columns = [
    column.accessor('value', {
      header: t('Value'),
      cell: ({ row: { original: o } }) => (
        <>
          <code>{o.value}</code>
          {o.ioc && <strong> IOC</strong>}
          {o.description && <div className="muted">{o.description}</div>}
          {LOOKUP_KINDS.has(o.kind) && <LookupInline value={o.value} navigate={navigate} />}
        </>
      ),
    }),
    column.accessor('kind', { header: t('Kind') }),
    column.accessor('incidentId', {
      header: t('Incident'),
      cell: ({ row: { original: o } }) => (
        <Link to={`/incidents/${o.incidentId}?tab=observables`} navigate={navigate}>
          #{o.incidentId} {o.incidentTitle}
        </Link>
      ),
    }),
    column.accessor('seenInOtherIncidents', {
      header: t('Seen in other incidents'),
      cell: ({ row: { original: o } }) =>
        o.seenInOtherIncidents > 0 ? (
          <Link to={addressWith('/search', new URLSearchParams(), { seen: o.value })} navigate={navigate}>
            {o.seenInOtherIncidents}
          </Link>
        ) : (
          '—'
        ),
    }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    column.accessor('createdAt', { header: t('Added'), cell: ({ getValue }) => when(getValue()), meta: { optional: true } }),
  ];
  return (
    <section>
      <h1>{t('Observables')}</h1>
      <FilterForm
        label={t('Filter observables')}
        words={{ label: t('Value'), placeholder: t('all or part; defanged is fine'), value: query.get('q') ?? '' }}
        onWords={(v) => filter('q', v)}
      >
        <FilterSelect
          label={t('Kind')}
          value={query.get('kind') ?? ''}
          onChange={(v) => filter('kind', v)}
          options={[['', t('any')], ...KINDS.map((k): [string, string] => [k, k])]}
        />
        <FilterSelect
          label="IOC"
          value={query.get('ioc') ?? ''}
          onChange={(v) => filter('ioc', v)}
          options={[
            ['', t('either')],
            ['true', t('indicators of compromise')],
            ['false', t('not marked as IOC')],
          ]}
        />
      </FilterForm>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && (
        <p>
          {query.size > 0 || before
            ? t('No observable matches.')
            : t('No observable yet: they are added on an incident’s Observables tab.')}
        </p>
      )}
      {rows.length > 0 && <DataTable name="observables" rows={rows} rowId={(o) => o.id} columns={columns} />}
      <Pager
        path="/observables"
        query={query}
        before={before}
        next={rows.length === PAGE ? rows.at(-1)?.cursor : undefined}
        navigate={navigate}
      />
    </section>
  );
}
