import { Button, TextInput } from '@mantine/core';
/** Full-text search over reports, incidents and notes, paged, and the retro-hunt for one indicator; the address keeps both. */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { addressWith, ErrorText, FilterSelect, Link, Pager, pickParams, text, TlpBadge, when } from '../components';
import { useT, type Translate } from '../i18n';

type Page = Answer<'/api/search'>;
type Hit = Page['hits'][number];

type Seen = Answer<'/api/indicators/seen'>;

const linkTo = (kind: 'report' | 'incident', id: string) => (kind === 'incident' ? `/incidents/${id}` : `/triage/reports/${id}`);
const kindOf = (t: Translate, kind: 'report' | 'incident', id: string) =>
  kind === 'incident' ? t('incident #{id}', { id }) : t('report #{id}', { id });
const hitLink = (h: Hit) => (h.kind === 'note' ? `/incidents/${h.incidentId}` : linkTo(h.kind, h.id));
const FILTERS = ['q', 'kind', 'sort', 'seen'] as const;

export function SearchPage({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const t = useT();
  const query = pickParams(search, FILTERS);
  const q = query.get('q') ?? '';
  const seen = query.get('seen') ?? '';
  const after = search.get('after') ?? '';
  const asked = new URLSearchParams(query);
  asked.delete('seen');
  if (after) asked.set('after', after);
  const hits = useQuery({
    queryKey: ['search', asked.toString()],
    queryFn: () => api<Page>('GET', `/api/search?${asked}`),
    enabled: q.length > 0,
  });
  const sightings = useQuery({
    queryKey: ['seen', seen],
    queryFn: () => api<Seen>('GET', `/api/indicators/seen?value=${encodeURIComponent(seen)}`),
    enabled: seen.length > 0,
  });
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/search', query, { [name]: value }));
  return (
    <section>
      <h1>{t('Search')}</h1>
      <form
        role="search"
        key={q}
        onSubmit={(e) => {
          e.preventDefault();
          filter('q', text(new FormData(e.currentTarget), 'q'));
        }}
      >
        {/* Reached with "/" or "g s": ready to type. */}
        <TextInput label={t('Words in reports, incidents and notes')} name="q" defaultValue={q} autoFocus />
        <Button type="submit">{t('Search')}</Button>
      </form>
      <form className="filters" aria-label={t('Narrow the search')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label={t('Only')}
          value={query.get('kind') ?? ''}
          onChange={(v) => filter('kind', v)}
          options={[
            ['', t('everything')],
            ['report', t('reports')],
            ['incident', t('incidents')],
            ['note', t('notes')],
          ]}
        />
        <FilterSelect
          label={t('Order')}
          value={query.get('sort') ?? ''}
          onChange={(v) => filter('sort', v)}
          options={[
            ['', t('best match first')],
            ['newest', t('newest first')],
          ]}
        />
      </form>
      <ErrorText error={hits.error} />
      {hits.data && (
        <ul data-testid="search-results">
          {hits.data.hits.length === 0 && <li>{t('Nothing found.')}</li>}
          {hits.data.hits.map((h) => (
            <li key={`${h.kind}${h.id}`}>
              <Link to={hitLink(h)} navigate={navigate}>
                {h.kind === 'note'
                  ? t('note on incident #{id} {title}', { id: h.incidentId ?? '', title: h.title })
                  : `${kindOf(t, h.kind, h.id)} ${h.title}`}
              </Link>{' '}
              <TlpBadge tlp={h.tlp} />{' '}
              <span className="muted">
                {h.status}, {when(h.at)}
              </span>
              {h.snippet && <div className="muted">{h.snippet}</div>}
            </li>
          ))}
        </ul>
      )}
      <Pager path="/search" query={query} before={after} next={hits.data?.next} navigate={navigate} order="sorted" />
      <h2>{t('Where else was this seen?')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          filter('seen', text(new FormData(e.currentTarget), 'seen'));
        }}
      >
        <TextInput label={t('Indicator (IP, domain, URL, hash; defanged is fine)')} name="seen" defaultValue={seen} />
        <Button type="submit">{t('Look up')}</Button>
      </form>
      <ErrorText error={sightings.error} />
      {sightings.data && (
        <>
          <p>
            <code>{sightings.data.value}</code>: {t('{count} sightings', { count: sightings.data.sightings.length })}
          </p>
          {sightings.data.warninglists.length > 0 && (
            <p className="muted" data-testid="warninglisted">
              {t('Known benign (on {lists}): it never links reports and incidents.', { lists: sightings.data.warninglists.join(', ') })}
            </p>
          )}
          <ul data-testid="sightings">
            {sightings.data.sightings.map((s) => (
              <li key={`${s.kind}${s.id}`}>
                <SightingLine sighting={s} navigate={navigate} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SightingLine({ sighting: s, navigate }: { sighting: Seen['sightings'][number]; navigate: (to: string) => void }) {
  const t = useT();
  if (s.kind === 'feed')
    return (
      <span>
        <Link to="/feeds" navigate={navigate}>
          {t('Feed {name}', { name: s.title })}
        </Link>{' '}
        <span className="muted">
          {t('{count} events, first {first}, last {last}', { count: s.events ?? 0, first: when(s.firstAt ?? s.at), last: when(s.at) })}
        </span>
      </span>
    );
  return (
    <span>
      {s.kind === 'shared' ? (
        // Intelligence a peer shared has no page of its own yet: its STIX id says where it came from.
        <span>
          {t('Shared by a peer')}: {s.title} <code>{s.id}</code>
        </span>
      ) : (
        <Link to={linkTo(s.kind, s.id)} navigate={navigate}>
          {kindOf(t, s.kind, s.id)} {s.title}
        </Link>
      )}{' '}
      <span className="muted">{when(s.at)}</span>
    </span>
  );
}
