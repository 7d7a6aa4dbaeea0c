/** The peer teams a page at a time, found by name, country, type, sector, service or membership; the address keeps the search and the page. */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../../api';
import { addressWith, ErrorText, Link, Pager, pickParams, ScrollTable, text } from '../../components';
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
        <label>
          {t('Name')}
          <input name="q" defaultValue={query.get('q') ?? ''} />
        </label>
        <label>
          {t('Country')}
          <input name="country" size={3} maxLength={3} placeholder="SE" defaultValue={query.get('country') ?? ''} />
        </label>
        <Select name="type" label={t('Type')} values={TYPES} defaultValue={query.get('type') ?? ''} />
        <Select name="sector" label={t('Serves sector')} values={SECTORS} defaultValue={query.get('sector') ?? ''} />
        <label>
          {t('FIRST service')}
          <input name="service" defaultValue={query.get('service') ?? ''} />
        </label>
        <Select name="membership" label={t('Member of')} values={BODIES} defaultValue={query.get('membership') ?? ''} />
        <label>
          {t('Status')}
          <input name="status" placeholder="accredited,certified" defaultValue={query.get('status') ?? ''} />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorText error={teams.error} />
      {teams.data?.teams.length === 0 && (
        <p>{query.size > 0 ? 'No team matches this search.' : 'The directory is empty: import an RFC 2350 document or add a team.'}</p>
      )}
      <ScrollTable data-testid="directory-teams">
        <thead>
          <tr>
            <th>{t('Team')}</th>
            <th>{t('Country')}</th>
            <th>{t('Type')}</th>
            <th>{t('Sectors')}</th>
            <th>{t('Trusted Introducer')}</th>
            <th>{t('Our trust')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.data?.teams.map(({ id, team }) => (
            <tr key={id}>
              <td>
                <Link to={`/directory/teams/${id}`} navigate={navigate}>
                  {team.name}
                </Link>
                {team.shortName && <span className="muted"> ({team.shortName})</span>}
              </td>
              <td>{team.country}</td>
              <td>{team.type}</td>
              <td>{team.sectors.map((s) => `${s.sector}: ${s.coverage}`).join(', ')}</td>
              <td>{ti(team) ?? '—'}</td>
              <td>{team.trust ? `${team.trust.level}${team.trust.lastVerified ? ` (${team.trust.lastVerified})` : ''}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <Pager path="/directory" query={query} before={after} next={teams.data?.next} navigate={navigate} order="sorted" />
      {canWrite && <TeamForm onSaved={(id) => navigate(`/directory/teams/${id}`)} />}
    </section>
  );
}
