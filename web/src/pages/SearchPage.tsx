/** Full-text search over reports and incidents, and the retro-hunt for one indicator. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { ErrorText, Link, TlpBadge, when } from '../components';

interface Hit {
  kind: 'report' | 'incident';
  id: string;
  title: string;
  status: string;
  tlp: string;
  at: string;
  snippet: string;
}

interface Seen {
  value: string;
  sightings: Array<{ kind: 'report' | 'incident'; id: string; title: string; at: string; indicatorKind: string }>;
}

const linkTo = (kind: 'report' | 'incident', id: string) => (kind === 'incident' ? `/incidents/${id}` : `/triage/reports/${id}`);

export function SearchPage({ navigate }: { navigate: (to: string) => void }) {
  const params = new URLSearchParams(window.location.search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [seen, setSeen] = useState(params.get('seen') ?? '');
  const hits = useQuery({
    queryKey: ['search', q],
    queryFn: () => api<Hit[]>('GET', `/api/search?q=${encodeURIComponent(q)}`),
    enabled: q.length > 0,
  });
  const sightings = useQuery({
    queryKey: ['seen', seen],
    queryFn: () => api<Seen>('GET', `/api/indicators/seen?value=${encodeURIComponent(seen)}`),
    enabled: seen.length > 0,
  });
  return (
    <section>
      <h1>Search</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(String(new FormData(e.currentTarget).get('q') ?? '').trim());
        }}
      >
        <label>
          Words in reports and incidents
          {/* Reached with "/" or "g s": ready to type. */}
          <input name="q" defaultValue={q} autoFocus />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorText error={hits.error} />
      {hits.data && (
        <ul data-testid="search-results">
          {hits.data.length === 0 && <li>Nothing found.</li>}
          {hits.data.map((h) => (
            <li key={`${h.kind}${h.id}`}>
              <Link to={linkTo(h.kind, h.id)} navigate={navigate}>
                {h.kind} #{h.id} {h.title}
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
      <h2>Where else was this seen?</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSeen(String(new FormData(e.currentTarget).get('seen') ?? '').trim());
        }}
      >
        <label>
          Indicator (IP, domain, URL, hash; defanged is fine)
          <input name="seen" defaultValue={seen} />
        </label>
        <button type="submit">Look up</button>
      </form>
      <ErrorText error={sightings.error} />
      {sightings.data && (
        <>
          <p>
            <code>{sightings.data.value}</code>: {sightings.data.sightings.length} sightings
          </p>
          <ul data-testid="sightings">
            {sightings.data.sightings.map((s) => (
              <li key={`${s.kind}${s.id}`}>
                <Link to={linkTo(s.kind, s.id)} navigate={navigate}>
                  {s.kind} #{s.id} {s.title}
                </Link>{' '}
                <span className="muted">{when(s.at)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
