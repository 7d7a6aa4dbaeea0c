import { Button, Checkbox, NativeSelect, TextInput } from '@mantine/core';
/** The incident list, filtered and paged with its state in the address; one incident; its debrief. */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api } from '../api';
import {
  ActionForm,
  addressWith,
  ErrorText,
  FilterForm,
  FilterSelect,
  Link,
  Pager,
  pickParams,
  RsitOptions,
  SlaBadge,
  text,
  TlpBadge,
  TLPS,
} from '../components';
import { DataTable } from '../data-table';
import { useT } from '../i18n';
import { SavedViews } from '../views';
import { DebriefPage } from './DebriefPage';
import { BulkActions, downloadCsv } from './incident/BulkActions';
import { IncidentView, type Rights } from './incident/IncidentView';
import { nameOf, type IncidentRow, type Member, type Taxonomies } from './incident/model';

export function IncidentsPage({
  path,
  search,
  navigate,
  rights,
}: {
  path: string;
  search: URLSearchParams;
  navigate: (to: string) => void;
  rights: Rights;
}) {
  const match = /^\/incidents\/(\d+)(\/debrief)?/.exec(path);
  if (match?.[1] && match[2]) return <DebriefPage id={match[1]} navigate={navigate} canWrite={rights.write} />;
  if (match?.[1]) return <IncidentView id={match[1]} search={search} navigate={navigate} rights={rights} />;
  return <IncidentList search={search} navigate={navigate} canWrite={rights.write} />;
}

/** The filters the list understands, as the API names them; they live in the address with the page's cursor. */
const FILTERS = ['open', 'mine', 'phase', 'priority', 'rsitClass', 'tlp', 'q', 'sort'] as const;
const PAGE = 50;

function IncidentList({ search, navigate, canWrite }: { search: URLSearchParams; navigate: (to: string) => void; canWrite: boolean }) {
  const query = pickParams(search, FILTERS);
  // Newest first pages with before=, the other orders with after=: the row's cursor suits its order.
  const newestFirst = !query.get('sort');
  const before = search.get(newestFirst ? 'before' : 'after') ?? '';
  const page = new URLSearchParams(query);
  page.set('limit', String(PAGE));
  if (before) page.set(newestFirst ? 'before' : 'after', before);
  const list = useQuery({ queryKey: ['incidents', page.toString()], queryFn: () => api<IncidentRow[]>('GET', `/api/incidents?${page}`) });
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  const members = useQuery({
    queryKey: ['team-members'],
    queryFn: () => api<Member[]>('GET', '/api/team-members'),
    enabled: canWrite,
  });
  // A new filter starts again from the newest incident.
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/incidents', query, { [name]: value }));
  const choice = (name: (typeof FILTERS)[number], label: string, options: Array<[string, string]>) => (
    <FilterSelect label={label} value={query.get(name) ?? ''} onChange={(v) => filter(name, v)} options={[['', t('any')], ...options]} />
  );
  const [ticked, setTicked] = useState<string[]>([]);
  const tax = taxonomies.data;
  const t = useT();
  const rows = list.data ?? [];
  const last = rows.at(-1);
  // Only what is on screen can be ticked: a filter or a page change leaves the rest behind.
  const selected = ticked.filter((id) => rows.some((r) => r.id === id));
  const column = createColumnHelper<IncidentRow>();
  const columns = [
    column.accessor('id', { header: '#', meta: { sort: { descending: '', ascending: 'oldest' } } }),
    column.accessor('title', {
      header: t('Title'),
      cell: ({ row }) => (
        <Link to={`/incidents/${row.original.id}`} navigate={navigate}>
          {row.original.title}
        </Link>
      ),
    }),
    column.accessor('phase', { header: t('Phase') }),
    column.accessor('priority', { header: t('Priority'), meta: { sort: { descending: 'priority' } } }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    ...(canWrite
      ? [
          column.accessor('manager_id', {
            header: t('Manager'),
            cell: ({ getValue }) => (getValue() ? nameOf(members.data ?? [], getValue()!) : '—'),
            meta: { optional: true },
          }),
        ]
      : []),
    column.accessor('sla', {
      header: 'SLA',
      cell: ({ getValue }) => {
        const sla = getValue();
        return sla && (sla.breached ? <strong className="bad">{t('breached')}</strong> : <SlaBadge name="resolve" timer={sla.resolve} />);
      },
    }),
  ];
  return (
    <section>
      <h1>{t('Incidents')}</h1>
      {canWrite && <SavedViews list="incidents" path="/incidents" query={query} navigate={navigate} />}
      <FilterForm
        label={t('Filter incidents')}
        words={{ label: t('Words'), placeholder: t('in title or description'), value: query.get('q') ?? '' }}
        onWords={(v) => filter('q', v)}
      >
        {canWrite && (
          <Checkbox
            label={t('assigned to me')}
            checked={query.get('mine') === 'true'}
            onChange={(e) => filter('mine', e.target.checked ? 'true' : '')}
            my="xs"
          />
        )}
        {choice('open', t('State'), [['true', t('open')]])}
        {choice(
          'phase',
          t('Phase'),
          (tax?.phases ?? []).map((p) => [p, p]),
        )}
        {choice(
          'priority',
          t('Priority'),
          (tax?.priorities ?? []).map((p) => [p, p]),
        )}
        {choice('rsitClass', t('Class'), [
          ['unclassified', t('unclassified')],
          ...(tax?.rsit ?? []).map((c): [string, string] => [c.value, c.name]),
        ])}
        {choice(
          'tlp',
          'TLP',
          TLPS.map((l) => [l, `TLP:${l}`]),
        )}
        <FilterSelect
          label={t('Order')}
          value={query.get('sort') ?? ''}
          onChange={(v) => filter('sort', v)}
          options={[
            ['', t('newest first')],
            ['oldest', t('oldest first')],
            ['priority', t('most urgent first')],
          ]}
        />
      </FilterForm>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && (
        <p>
          {before
            ? t('No further incident matches these filters.')
            : query.size > 0
              ? t('No incident matches these filters.')
              : canWrite
                ? t('No incident yet: open one from a report in the triage queue, or below.')
                : t('No incident yet. When the team involves you in one, it appears here with what is shared with you.')}
        </p>
      )}
      <DataTable
        name="incidents"
        rows={rows}
        rowId={(i) => i.id}
        columns={columns}
        sort={{ current: query.get('sort') ?? '', onSort: (v) => filter('sort', v) }}
        {...(canWrite
          ? {
              selection: {
                selected,
                onChange: setTicked,
                label: (i: IncidentRow) => t('Tick #{id} {title}', { id: i.id, title: i.title }),
                allLabel: t('Tick every incident shown'),
              },
            }
          : {})}
      />
      {canWrite && (
        <BulkActions selected={selected} members={members.data ?? []} priorities={tax?.priorities ?? []} onDone={() => setTicked([])} />
      )}
      {rows.length > 0 && (
        <p>
          <Button variant="default" onClick={() => downloadCsv(rows)}>
            {t('Download this list as CSV')}
          </Button>
        </p>
      )}
      <Pager
        path="/incidents"
        query={query}
        before={before}
        next={last && rows.length === PAGE ? last.cursor : undefined}
        navigate={navigate}
        order={newestFirst ? 'newest' : 'sorted'}
      />
      {canWrite && (
        <ActionForm
          label={t('Open incident')}
          path="/api/incidents"
          toBody={(f) => {
            const [rsitClass, rsitType] = text(f, 'rsit').split('/');
            return { title: text(f, 'title'), ...(rsitClass ? { rsitClass, ...(rsitType ? { rsitType } : {}) } : {}) };
          }}
          invalidates={[['incidents']]}
          onDone={(r) => navigate(`/incidents/${(r as { id: string }).id}`)}
        >
          <TextInput label={t('Title of a new incident')} name="title" />
          <NativeSelect label={t('Classification (starts from the team’s template for it)')} name="rsit" defaultValue="/">
            <RsitOptions rsit={tax?.rsit ?? []} none={t('(unclassified)')} />
          </NativeSelect>
        </ActionForm>
      )}
    </section>
  );
}
