/** Tasks across incidents — mine by default — filtered by owner, status and lateness, paged by a cursor in the address. */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Answer } from '../api';
import { ActionButton, addressWith, ErrorText, FilterSelect, Link, Pager, pickParams, TlpBadge, when } from '../components';
import { DataTable } from '../data-table';
import { useT } from '../i18n';

type Task = Answer<'/api/tasks'>[number];
const FILTERS = ['owner', 'status', 'overdue', 'sort'] as const;
const PAGE = 50;

export function TasksPage({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const t = useT();
  const query = pickParams(search, FILTERS);
  if (!search.has('owner')) query.set('owner', 'me');
  // Newest first pages with before=, soonest due first with after=.
  const cursorParam = query.get('sort') === 'due' ? 'after' : 'before';
  const before = search.get(cursorParam) ?? '';
  const page = new URLSearchParams(query);
  if (page.get('owner') === 'any') page.delete('owner');
  page.set('limit', String(PAGE));
  if (before) page.set(cursorParam, before);
  const list = useQuery({ queryKey: ['tasks', page.toString()], queryFn: () => api<Task[]>('GET', `/api/tasks?${page}`) });
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/tasks', query, { [name]: value }));
  const rows = list.data ?? [];
  const last = rows.at(-1);
  const column = createColumnHelper<Task>();
  const columns = [
    column.accessor('title', { header: t('Task') }),
    column.accessor('incidentId', {
      header: t('Incident'),
      cell: ({ row: { original: task } }) => (
        <Link to={`/incidents/${task.incidentId}?tab=work`} navigate={navigate}>
          #{task.incidentId} {task.incidentTitle}
        </Link>
      ),
    }),
    column.accessor('owner', { header: t('Owner'), cell: ({ getValue }) => getValue() ?? '—' }),
    column.accessor('dueAt', {
      header: t('Due'),
      meta: { sort: { ascending: 'due' } },
      cell: ({ row: { original: task } }) => (
        <span className={task.overdue ? 'bad' : undefined}>
          {task.dueAt ? when(task.dueAt) : '—'}
          {task.overdue && ` (${t('overdue')})`}
        </span>
      ),
    }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    column.display({
      id: 'actions',
      header: '',
      cell: ({ row: { original: task } }) =>
        task.status === 'open' && (
          <ActionButton
            label={t('Done: {title}', { title: task.title })}
            method="PATCH"
            path={`/api/tasks/${task.id}`}
            body={{ status: 'done' }}
            invalidates={[['tasks'], ['dashboard']]}
          />
        ),
    }),
  ];
  const choice = (name: (typeof FILTERS)[number], label: string, options: Array<[string, string]>) => (
    <FilterSelect label={label} value={query.get(name) ?? ''} onChange={(v) => filter(name, v)} options={options} />
  );
  return (
    <section>
      <h1>{t('Tasks')}</h1>
      <form className="filters" aria-label={t('Filter tasks')} onSubmit={(e) => e.preventDefault()}>
        {choice('owner', t('Whose'), [
          ['me', t('mine')],
          ['nobody', t('nobody’s yet')],
          ['any', t('anyone’s')],
        ])}
        {choice('status', t('Status'), [
          ['', t('open')],
          ['done', t('done')],
          ['cancelled', t('cancelled')],
        ])}
        {choice('overdue', t('Due'), [
          ['', t('any time')],
          ['true', t('overdue')],
        ])}
        {choice('sort', t('Order'), [
          ['', t('newest first')],
          ['due', t('soonest due first')],
        ])}
      </form>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && (
        <p>
          {query.get('owner') === 'me' && !query.get('status')
            ? t('No open task is yours. Tasks get owners on the incident page.')
            : t('No task matches these filters.')}
        </p>
      )}
      {rows.length > 0 && (
        <DataTable
          name="tasks"
          rows={rows}
          rowId={(task) => task.id}
          columns={columns}
          sort={{ current: query.get('sort') ?? '', onSort: (v) => filter('sort', v) }}
        />
      )}
      <Pager
        path="/tasks"
        query={query}
        before={before}
        next={last && rows.length === PAGE ? last.cursor : undefined}
        navigate={navigate}
        order={cursorParam === 'before' ? 'newest' : 'sorted'}
      />
    </section>
  );
}
