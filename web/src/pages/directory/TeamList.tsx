import { Button, TextInput } from '@mantine/core';
/** The peer teams a page at a time, found by name, country, type, sector, service or membership; the address keeps the search and the page. */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Answer } from '../../api';
import { addressWith, ErrorText, Link, Pager, pickParams, text } from '../../components';
import { DataTable } from '../../data-table';
import { BODIES, SECTORS, Select, ti, TYPES } from './model';
import { TeamForm } from './TeamForm';
import { useT } from '../../i18n';

const FILTERS = ['q', 'country', 'type', 'sector', 'service', 'membership', 'status'] as const;
const PAGE = 50;

export function TeamList({ search, navigate, canWrite }: { search: URLSearchParams; navigate: (to: string) => void; canWrite: boolean }) {
  const t = useT();
  const query = pickParams(search, FILTERS);
  const after = search.get('after') ?? '';
  const page = new URLSearchParams(query);
  page.set('limit', String(PAGE));
  if (after) page.set('after', after);
  const teams = useQuery({
    queryKey: ['directory', page.toString()],
    queryFn: () => api<Answer<'/api/directory/teams'>>('GET', `/api/directory/teams?${page}`),
  });
  const column = createColumnHelper<Answer<'/api/directory/teams'>['teams'][number]>();
  const columns = [
    column.accessor('team.name', {
      header: t('Team'),
      cell: ({
        row: {
          original: { id, team },
        },
      }) => (
        <>
          <Link to={`/directory/teams/${id}`} navigate={navigate}>
            {team.name}
          </Link>
          {team.shortName && <span className="muted"> ({team.shortName})</span>}
        </>
      ),
    }),
    column.accessor('team.country', { header: t('Country') }),
    column.accessor('team.type', { header: t('Type') }),
    column.accessor((row) => row.team.sectors.map((s) => `${s.sector}: ${s.coverage}`).join(', '), {
      id: 'sectors',
      header: t('Sectors'),
      meta: { optional: true },
    }),
    column.accessor((row) => ti(row.team) ?? '—', { id: 'ti', header: t('Trusted Introducer') }),
    column.accessor('team.trust', {
      header: t('Our trust'),
      cell: ({ getValue }) => {
        const trust = getValue();
        return trust ? `${trust.level}${trust.lastVerified ? ` (${trust.lastVerified})` : ''}` : '—';
      },
    }),
  ];
  return (
    <section>
      <h1>{t('CSIRT directory')}</h1>
      {canWrite && (
        <p>
          <Link to="/directory/import" navigate={navigate}>
            {t('Import an RFC 2350 document')}
          </Link>
        </p>
      )}
      <form
        role="search"
        className="action-form"
        key={query.toString()}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          navigate(addressWith('/directory', new URLSearchParams(), Object.fromEntries(FILTERS.map((key) => [key, text(form, key)]))));
        }}
      >
        <TextInput label={t('Name')} name="q" defaultValue={query.get('q') ?? ''} />
        <TextInput
          label={t('Country')}
          name="country"
          maw="16rem"
          maxLength={3}
          placeholder="SE"
          defaultValue={query.get('country') ?? ''}
        />
        <Select name="type" label={t('Type')} values={TYPES} defaultValue={query.get('type') ?? ''} />
        <Select name="sector" label={t('Serves sector')} values={SECTORS} defaultValue={query.get('sector') ?? ''} />
        <TextInput label={t('FIRST service')} name="service" defaultValue={query.get('service') ?? ''} />
        <Select name="membership" label={t('Member of')} values={BODIES} defaultValue={query.get('membership') ?? ''} />
        <TextInput label={t('Status')} name="status" placeholder="accredited,certified" defaultValue={query.get('status') ?? ''} />
        <Button type="submit">{t('Search')}</Button>
      </form>
      <ErrorText error={teams.error} />
      {teams.data?.teams.length === 0 && (
        <p>
          {query.size > 0 ? t('No team matches this search.') : t('The directory is empty: import an RFC 2350 document or add a team.')}
        </p>
      )}
      <DataTable name="directory-teams" rows={teams.data?.teams ?? []} rowId={(row) => row.id} columns={columns} />
      <Pager path="/directory" query={query} before={after} next={teams.data?.next} navigate={navigate} order="sorted" />
      {canWrite && <TeamForm onSaved={(id) => navigate(`/directory/teams/${id}`)} />}
    </section>
  );
}
