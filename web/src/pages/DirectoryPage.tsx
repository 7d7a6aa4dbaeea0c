/** The CSIRT directory: search peer teams, one team with our trust in it, and RFC 2350 import. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { ActionForm, ErrorText, Link, optional, text, ScrollTable } from '../components';

export const SECTORS = [
  'government',
  'commercial',
  'sme',
  'research-education',
  'citizens',
  'critical-infrastructure',
  'all-other',
] as const;
const TYPES = ['national', 'governmental', 'research-education', 'commercial', 'sector', 'vendor', 'internal'] as const;
const BODIES = ['FIRST', 'Trusted Introducer', 'TF-CSIRT', 'EGC', 'National CERT forum', 'Other'] as const;
const TRUST = ['unknown', 'low', 'medium', 'high'] as const;

interface Team {
  name: string;
  shortName?: string;
  country: string;
  type: string;
  hostOrganisation?: string;
  nationalPointOfContact?: boolean;
  sectors: Array<{ sector: string; coverage: string; note?: string }>;
  services: string[];
  memberships: Array<{ body: string; name?: string; status?: string; since?: string; url?: string }>;
  email?: string;
  telephone: Array<{ label?: string; number: string }>;
  contacts: Array<{ role?: string; name?: string; email?: string }>;
  pgpKeys: Array<{ fingerprint?: string; url?: string; userId?: string }>;
  website?: string;
  timeZone?: string;
  operatingHours?: Record<string, Array<{ start: string; end: string }>>;
  operatingHoursNote?: string;
  rfc2350?: { url?: string; date?: string; version?: string };
  description?: Record<string, unknown>;
  trust?: { level: string; lastVerified?: string; note?: string };
}
interface Stored {
  id: string;
  version: number;
  updatedAt: string;
  team: Team;
}
interface Reading {
  team?: Team;
  understood: Array<{ field: string; value: unknown; from: string; how: 'stated' | 'inferred' }>;
  notUnderstood: Array<{ field: string; reason: string }>;
  otherSections: Array<{ number: string; title: string }>;
  warnings: string[];
  errors: Array<{ field: string; reason: string }>;
}

const show = (value: unknown) => {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
};
/** "Mon 08:00–16:45; Fri 08:00–16:15": the days a team works and when. */
const weekly = (hours: Team['operatingHours']) =>
  Object.entries(hours ?? {})
    .filter(([, ranges]) => ranges.length > 0)
    .map(([day, ranges]) => `${day.slice(0, 1).toUpperCase()}${day.slice(1, 3)} ${ranges.map((r) => `${r.start}–${r.end}`).join(', ')}`)
    .join('; ');
const ti = (t: Team) => t.memberships.find((m) => m.body === 'Trusted Introducer')?.status;

export function DirectoryPage({ path, navigate, canWrite }: { path: string; navigate: (to: string) => void; canWrite: boolean }) {
  const id = /^\/directory\/teams\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (id) return <TeamPage id={id} navigate={navigate} canWrite={canWrite} />;
  if (path === '/directory/import' && canWrite) return <ImportPage navigate={navigate} />;
  return <TeamList navigate={navigate} canWrite={canWrite} />;
}

function TeamList({ navigate, canWrite }: { navigate: (to: string) => void; canWrite: boolean }) {
  const [query, setQuery] = useState('');
  const teams = useQuery({
    queryKey: ['directory', query],
    queryFn: () => api<{ teams: Stored[] }>('GET', `/api/directory/teams?${query}`),
  });
  return (
    <section>
      <h1>CSIRT directory</h1>
      {canWrite && (
        <p>
          <Link to="/directory/import" navigate={navigate}>
            Import an RFC 2350 document
          </Link>
        </p>
      )}
      <form
        role="search"
        className="action-form"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const params = new URLSearchParams();
          for (const key of ['q', 'country', 'type', 'sector', 'service', 'membership', 'status']) {
            const value = text(form, key);
            if (value) params.set(key, value);
          }
          setQuery(params.toString());
        }}
      >
        <label>
          Name
          <input name="q" />
        </label>
        <label>
          Country
          <input name="country" size={3} maxLength={2} placeholder="SE" />
        </label>
        <Select name="type" label="Type" values={TYPES} />
        <Select name="sector" label="Serves sector" values={SECTORS} />
        <label>
          FIRST service
          <input name="service" />
        </label>
        <Select name="membership" label="Member of" values={BODIES} />
        <label>
          Status
          <input name="status" placeholder="accredited,certified" />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorText error={teams.error} />
      <ScrollTable data-testid="directory-teams">
        <thead>
          <tr>
            <th>Team</th>
            <th>Country</th>
            <th>Type</th>
            <th>Sectors</th>
            <th>Trusted Introducer</th>
            <th>Our trust</th>
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
      {teams.data && <p className="muted">{teams.data.teams.length} team(s)</p>}
    </section>
  );
}

function Select({
  name,
  label,
  values,
  defaultValue = '',
}: {
  name: string;
  label: string;
  values: readonly string[];
  defaultValue?: string;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={defaultValue}>
        <option value="">(any)</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

function BackLink({ navigate }: { navigate: (to: string) => void }) {
  return (
    <p>
      <Link to="/directory" navigate={navigate}>
        ← Directory
      </Link>
    </p>
  );
}

function TeamPage({ id, navigate, canWrite }: { id: string; navigate: (to: string) => void; canWrite: boolean }) {
  const stored = useQuery({ queryKey: ['directory-team', id], queryFn: () => api<Stored>('GET', `/api/directory/teams/${id}`) });
  if (stored.isPending) return <p>Loading…</p>;
  if (stored.isError) return <ErrorText error={stored.error} />;
  const { team, version } = stored.data;
  const rows: Array<[string, string | undefined]> = [
    ['Country', team.country],
    ['Type', `${team.type}${team.nationalPointOfContact ? ' (national point of contact)' : ''}`],
    ['Host organisation', team.hostOrganisation],
    ['E-mail', team.email],
    ['Telephone', team.telephone.map((t) => `${t.label ? `${t.label}: ` : ''}${t.number}`).join('; ')],
    ['Other contacts', team.contacts.map((c) => [c.role, c.name, c.email].filter(Boolean).join(' ')).join('; ')],
    ['PGP keys', team.pgpKeys.map((k) => k.fingerprint ?? k.url ?? k.userId).join('; ')],
    ['Time zone', team.timeZone],
    ['Operating hours', [weekly(team.operatingHours), team.operatingHoursNote].filter(Boolean).join(' — ')],
    ['Website', team.website],
    [
      'RFC 2350',
      team.rfc2350
        ? [team.rfc2350.url, team.rfc2350.version && `version ${team.rfc2350.version}`, team.rfc2350.date].filter(Boolean).join(', ')
        : undefined,
    ],
    ['Services', team.services.join('; ')],
    [
      'Memberships',
      team.memberships.map((m) => [m.name ?? m.body, m.status, m.since && `since ${m.since}`].filter(Boolean).join(' ')).join('; '),
    ],
  ];
  return (
    <section>
      <BackLink navigate={navigate} />
      <h1>
        {team.name} {team.shortName && <span className="muted">({team.shortName})</span>}
      </h1>
      <ScrollTable data-testid="team-fields">
        <tbody>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
        </tbody>
      </ScrollTable>
      <h2>Sectors served</h2>
      <ul>
        {team.sectors.map((s) => (
          <li key={s.sector}>
            {s.sector}: {s.coverage}
            {s.note && <span className="muted"> — {s.note}</span>}
          </li>
        ))}
      </ul>
      <h2>Our trust</h2>
      <p data-testid="trust">
        {team.trust
          ? `${team.trust.level}${team.trust.lastVerified ? `, verified ${team.trust.lastVerified}` : ''}${team.trust.note ? ` — ${team.trust.note}` : ''}`
          : 'Not assessed.'}
      </p>
      {canWrite && (
        <ActionForm
          label="Save trust"
          method="PUT"
          path={`/api/directory/teams/${id}`}
          headers={{ 'if-match': `"${version}"` }}
          invalidates={[['directory-team', id], ['directory']]}
          toBody={(f) => {
            const note = optional(f, 'note');
            return { ...team, trust: { level: text(f, 'level'), lastVerified: text(f, 'lastVerified'), ...(note ? { note } : {}) } };
          }}
        >
          <Select name="level" label="Trust level" values={TRUST} defaultValue={team.trust?.level ?? 'unknown'} />
          <label>
            Last verified
            <input
              name="lastVerified"
              type="date"
              required
              defaultValue={team.trust?.lastVerified ?? new Date().toISOString().slice(0, 10)}
            />
          </label>
          <label>
            Note
            <input name="note" defaultValue={team.trust?.note ?? ''} />
          </label>
        </ActionForm>
      )}
      {team.description && (
        <details>
          <summary>Its RFC 2350 description</summary>
          <dl>
            {Object.entries(team.description).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{typeof v === 'string' ? v : JSON.stringify(v, null, 1)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

function ImportPage({ navigate }: { navigate: (to: string) => void }) {
  const queryClient = useQueryClient();
  const [request, setRequest] = useState<Record<string, unknown> | undefined>();
  const read = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<{ reading: Reading }>('POST', '/api/directory/rfc2350', body),
  });
  const write = useMutation({
    mutationFn: () => api<{ outcome: { action: string; id: string } }>('POST', '/api/directory/rfc2350', { ...request, confirm: true }),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
  const reading = read.data?.reading;
  return (
    <section>
      <BackLink navigate={navigate} />
      <h1>Import an RFC 2350 document</h1>
      <p className="muted">
        Paste the text of the team’s RFC 2350 document (from its PDF or web page). Nothing is written until you confirm.
      </p>
      <form
        className="action-form"
        aria-label="Read the document"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const body: Record<string, unknown> = { text: String(f.get('text') ?? '') };
          for (const key of ['country', 'type', 'shortName', 'url']) if (optional(f, key)) body[key] = optional(f, key);
          if (f.get('allowPartial')) body.allowPartial = true;
          setRequest(body);
          write.reset();
          read.mutate(body);
        }}
      >
        <label style={{ width: '100%' }}>
          Document text
          <textarea name="text" rows={14} required style={{ width: '100%' }} />
        </label>
        <label>
          Country (if the address names none)
          <input name="country" size={3} maxLength={2} />
        </label>
        <Select name="type" label="Type" values={TYPES} />
        <label>
          Short name
          <input name="shortName" />
        </label>
        <label>
          <input type="checkbox" name="allowPartial" /> accept a cut-off document
        </label>
        <button type="submit" disabled={read.isPending}>
          Read
        </button>
      </form>
      <ErrorText error={read.error} />
      {read.error instanceof ApiError && read.error.issues.length > 1 && (
        <ul>
          {read.error.issues.map((i) => (
            <li key={i.field}>
              {i.field}: {i.reason}
            </li>
          ))}
        </ul>
      )}
      {reading && (
        <div data-testid="rfc2350-reading">
          <h2>Understood</h2>
          <ScrollTable>
            <thead>
              <tr>
                <th>Field</th>
                <th>Value</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {reading.understood.map((f, i) => (
                <tr key={`${f.field}${i}`}>
                  <td>{f.field}</td>
                  <td>{show(f.value)}</td>
                  <td>
                    {f.how === 'inferred' && <strong>inferred: </strong>}
                    {f.from}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {reading.notUnderstood.length > 0 && (
            <>
              <h2>Not found or not understood</h2>
              <ul data-testid="rfc2350-missing">
                {reading.notUnderstood.map((m) => (
                  <li key={m.field}>
                    {m.field}: {m.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {reading.warnings.map((w) => (
            <p key={w} className="muted">
              Warning: {w}
            </p>
          ))}
          {reading.errors.length > 0 ? (
            <div role="alert">
              <h2>Cannot be imported</h2>
              <ul>
                {reading.errors.map((e) => (
                  <li key={e.field}>
                    {e.field}: {e.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              <button type="button" disabled={write.isPending || write.isSuccess} onClick={() => write.mutate()}>
                Write {reading.team?.name} to the directory
              </button>
            </p>
          )}
          <ErrorText error={write.error} />
          {write.data && (
            <p data-testid="rfc2350-written">
              {reading.team?.name}: {write.data.outcome.action}.{' '}
              <Link to={`/directory/teams/${write.data.outcome.id}`} navigate={navigate}>
                Open the team
              </Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
