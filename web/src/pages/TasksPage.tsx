/** Tasks across incidents — mine by default — filtered by owner, status and lateness, paged by a cursor in the address. */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ActionButton, addressWith, ErrorText, FilterSelect, Link, Pager, pickParams, ScrollTable, TlpBadge, when } from '../components';

type Task = Answer<'/api/tasks'>[number];
const FILTERS = ['owner', 'status', 'overdue'] as const;
const PAGE = 50;

export function TasksPage({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const query = pickParams(search, FILTERS);
  if (!search.has('owner')) query.set('owner', 'me');
  const before = search.get('before') ?? '';
  const page = new URLSearchParams(query);
  if (page.get('owner') === 'any') page.delete('owner');
  page.set('limit', String(PAGE));
  if (before) page.set('before', before);
  const list = useQuery({ queryKey: ['tasks', page.toString()], queryFn: () => api<Task[]>('GET', `/api/tasks?${page}`) });
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/tasks', query, { [name]: value }));
  const rows = list.data ?? [];
  const last = rows.at(-1);
  const choice = (name: (typeof FILTERS)[number], label: string, options: Array<[string, string]>) => (
    <FilterSelect label={label} value={query.get(name) ?? ''} onChange={(v) => filter(name, v)} options={options} />
  );
  return (
    <section>
      <h1>Tasks</h1>
      <form className="filters" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
        {choice('owner', 'Whose', [
          ['me', 'mine'],
          ['nobody', 'nobody’s yet'],
          ['any', 'anyone’s'],
        ])}
        {choice('status', 'Status', [
          ['', 'open'],
          ['done', 'done'],
          ['cancelled', 'cancelled'],
        ])}
        {choice('overdue', 'Due', [
          ['', 'any time'],
          ['true', 'overdue'],
        ])}
      </form>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && (
        <p>
          {query.get('owner') === 'me' && !query.get('status')
            ? 'No open task is yours. Tasks get owners on the incident page.'
            : 'No task matches these filters.'}
        </p>
      )}
      {rows.length > 0 && (
        <ScrollTable data-testid="tasks">
          <thead>
            <tr>
              <th>Task</th>
              <th>Incident</th>
              <th>Owner</th>
              <th>Due</th>
              <th>TLP</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.id}>
                <td>{t.title}</td>
                <td>
                  <Link to={`/incidents/${t.incidentId}?tab=work`} navigate={navigate}>
                    #{t.incidentId} {t.incidentTitle}
                  </Link>
                </td>
                <td>{t.owner ?? '—'}</td>
                <td className={t.overdue ? 'bad' : undefined}>
                  {t.dueAt ? when(t.dueAt) : '—'}
                  {t.overdue && ' (overdue)'}
                </td>
                <td>
                  <TlpBadge tlp={t.tlp} />
                </td>
                <td>
                  {t.status === 'open' && (
                    <ActionButton
                      label={`Done: ${t.title}`}
                      method="PATCH"
                      path={`/api/tasks/${t.id}`}
                      body={{ status: 'done' }}
                      invalidates={[['tasks'], ['dashboard']]}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager
        path="/tasks"
        query={query}
        before={before}
        next={last && rows.length === PAGE ? last.cursor : undefined}
        navigate={navigate}
      />
    </section>
  );
}
