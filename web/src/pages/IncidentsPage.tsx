/** The incident list and the incident page: everything on an incident, and the forms to work it. */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { DebriefPage } from './DebriefPage';
import {
  ActionButton,
  ActionForm,
  addressWith,
  ErrorText,
  Link,
  SlaBadge,
  Tabs,
  TlpBadge,
  TlpSelect,
  TLPS,
  optional,
  pickParams,
  text,
  when,
  type Timer,
  ScrollTable,
} from '../components';
import { MessageView } from './TriagePage';

interface Sla {
  acknowledge: Timer;
  triage: Timer;
  resolve: Timer;
  breached: boolean;
}

interface IncidentRow {
  id: string;
  title: string;
  phase: string;
  priority: string;
  tlp: string;
  rsit_class?: string | null;
  opened_at: string;
  sla?: Sla;
}

interface Incident extends IncidentRow {
  description: string;
  rsit_type: string | null;
  requested_priority: string | null;
  impact: string;
  affected_constituents: string;
  pap: string;
  sensitive: boolean;
  initial_vector: string;
  patient_zero: string;
  attack_techniques: string[];
  version: number;
}

type Item = { id: string; tlp: string } & Record<string, unknown>;

interface Detail {
  nextPhases: string[];
  incident: Incident;
  viewer: { kind: 'team' | 'participant'; role?: string };
  sla: Sla | null;
  reports: Item[];
  messages: Array<Parameters<typeof MessageView>[0]['message']>;
  tasks: Item[];
  investigations: Item[];
  countermeasures: Item[];
  timeline: Item[];
  observables: Item[];
  assets: Item[];
  evidence: Item[];
  participants: Item[];
  mergedIncidents: Array<{ id: string; title: string }>;
}

interface Taxonomies {
  rsit: Array<{ value: string; name: string; types: Array<{ value: string; name: string }> }>;
  phases: string[];
  priorities: string[];
  participantRoles: string[];
  indicatorKinds: string[];
  custodyActions: string[];
}

const NEXT_STATE: Record<string, string | undefined> = {
  'pending-activation': 'active',
  active: 'pending-removal',
  'pending-removal': 'removed',
};
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function IncidentsPage({
  path,
  search,
  navigate,
  canWrite,
}: {
  path: string;
  search: URLSearchParams;
  navigate: (to: string) => void;
  canWrite: boolean;
}) {
  const match = /^\/incidents\/(\d+)(\/debrief)?/.exec(path);
  if (match?.[1] && match[2]) return <DebriefPage id={match[1]} navigate={navigate} canWrite={canWrite} />;
  if (match?.[1]) return <IncidentView id={match[1]} search={search} navigate={navigate} canWrite={canWrite} />;
  return <IncidentList search={search} navigate={navigate} canWrite={canWrite} />;
}

/** The filters the list understands, as the API names them; they live in the address. */
const FILTERS = ['open', 'phase', 'priority', 'rsitClass', 'tlp'] as const;

function IncidentList({ search, navigate, canWrite }: { search: URLSearchParams; navigate: (to: string) => void; canWrite: boolean }) {
  const query = pickParams(search, FILTERS);
  const list = useQuery({ queryKey: ['incidents', query.toString()], queryFn: () => api<IncidentRow[]>('GET', `/api/incidents?${query}`) });
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/incidents', query, { [name]: value }));
  const choice = (name: (typeof FILTERS)[number], label: string, options: Array<[string, string]>) => (
    <label className="inline">
      {label}
      <select value={query.get(name) ?? ''} onChange={(e) => filter(name, e.target.value)}>
        <option value="">any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const t = taxonomies.data;
  return (
    <section>
      <h1>Incidents</h1>
      <form className="filters" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
        {choice('open', 'State', [['true', 'open']])}
        {choice(
          'phase',
          'Phase',
          (t?.phases ?? []).map((p) => [p, p]),
        )}
        {choice(
          'priority',
          'Priority',
          (t?.priorities ?? []).map((p) => [p, p]),
        )}
        {choice('rsitClass', 'Class', [
          ['unclassified', 'unclassified'],
          ...(t?.rsit ?? []).map((c): [string, string] => [c.value, c.name]),
        ])}
        {choice(
          'tlp',
          'TLP',
          TLPS.map((l) => [l, `TLP:${l}`]),
        )}
      </form>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && <p>No incident matches these filters.</p>}
      <ScrollTable>
        <thead>
          <tr>
            <th>#</th>
            <th>Title</th>
            <th>Phase</th>
            <th>Priority</th>
            <th>TLP</th>
            <th>SLA</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.map((i) => (
            <tr key={i.id}>
              <td>{i.id}</td>
              <td>
                <Link to={`/incidents/${i.id}`} navigate={navigate}>
                  {i.title}
                </Link>
              </td>
              <td>{i.phase}</td>
              <td>{i.priority}</td>
              <td>
                <TlpBadge tlp={i.tlp} />
              </td>
              <td>
                {i.sla && (i.sla.breached ? <strong className="bad">breached</strong> : <SlaBadge name="resolve" timer={i.sla.resolve} />)}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {canWrite && (
        <ActionForm
          label="Open incident"
          path="/api/incidents"
          toBody={(f) => ({ title: text(f, 'title') })}
          invalidates={[['incidents']]}
          onDone={(r) => navigate(`/incidents/${(r as { id: string }).id}`)}
        >
          <label>
            Title of a new incident
            <input name="title" />
          </label>
        </ActionForm>
      )}
    </section>
  );
}

function ItemTable({
  title,
  rows,
  columns,
  actions,
}: {
  title: string;
  rows: Item[];
  columns: Array<[string, (row: Item) => ReactNode]>;
  actions?: (row: Item) => ReactNode;
}) {
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ScrollTable data-testid={`table-${title.toLowerCase()}`}>
          <thead>
            <tr>
              {columns.map(([name]) => (
                <th key={name}>{name}</th>
              ))}
              <th>TLP</th>
              {actions && <th />}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map(([name, cell]) => (
                  <td key={name}>{cell(row)}</td>
                ))}
                <td>
                  <TlpBadge tlp={row.tlp} />
                </td>
                {actions && <td>{actions(row)}</td>}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}

/** The incident page's tabs; the one shown is in the address (?tab=), so a link can open it. */
const INCIDENT_TABS = [
  ['summary', 'Summary'],
  ['communications', 'Reports and mail'],
  ['work', 'Tasks and actions'],
  ['timeline', 'Timeline'],
  ['observables', 'Observables and evidence'],
  ['people', 'Participants and shares'],
] as const;
type IncidentTab = (typeof INCIDENT_TABS)[number][0];

function IncidentView({
  id,
  search,
  navigate,
  canWrite,
}: {
  id: string;
  search: URLSearchParams;
  navigate: (to: string) => void;
  canWrite: boolean;
}) {
  const tab: IncidentTab = INCIDENT_TABS.find(([t]) => t === search.get('tab'))?.[0] ?? 'summary';
  const key = ['incident', id];
  const detail = useQuery({ queryKey: key, queryFn: () => api<Detail>('GET', `/api/incidents/${id}`) });
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  if (detail.isPending) return <p>Loading incident…</p>;
  if (detail.isError) return <ErrorText error={detail.error} />;
  const d = detail.data;
  const i = d.incident;
  const team = d.viewer.kind === 'team';
  const write = team && canWrite;
  const refresh = [key, ['incidents']];
  const base = `/api/incidents/${id}`;
  const ifMatch = { 'if-match': `"${i.version}"` };
  const rsit = taxonomies.data?.rsit ?? [];

  return (
    <section className="incident">
      <p>
        <Link to="/incidents" navigate={navigate}>
          ← Incidents
        </Link>
      </p>
      <h1>
        Incident #{i.id}: {i.title}
      </h1>
      <p>
        <TlpBadge tlp={i.tlp} /> · phase <strong data-testid="incident-phase">{i.phase}</strong> · priority{' '}
        <strong data-testid="incident-priority">{i.priority}</strong>
        {i.requested_priority && i.requested_priority !== i.priority && <span className="muted"> (requested {i.requested_priority})</span>}
        {i.sensitive && <strong className="bad"> · SENSITIVE</strong>}
      </p>
      {d.sla && (
        <p className="sla-row" data-testid="sla">
          <SlaBadge name="acknowledge" timer={d.sla.acknowledge} /> <SlaBadge name="triage" timer={d.sla.triage} />{' '}
          <SlaBadge name="resolve" timer={d.sla.resolve} />
        </p>
      )}

      <Tabs tabs={INCIDENT_TABS} current={tab} onSelect={(t) => navigate(`/incidents/${id}${t === 'summary' ? '' : `?tab=${t}`}`)} />
      {tab === 'summary' && (
        <div role="tabpanel" id="tab-summary" aria-labelledby="tab-button-summary">
          {team && (
            <dl className="facts">
              <dt>Classification</dt>
              <dd>{[i.rsit_class, i.rsit_type].filter(Boolean).join(' / ') || 'unclassified'}</dd>
              <dt>Impact</dt>
              <dd>{i.impact}</dd>
              <dt>Affected</dt>
              <dd>{i.affected_constituents || '—'}</dd>
              <dt>Root cause</dt>
              <dd>
                {i.initial_vector || '—'}; patient zero {i.patient_zero || '—'}
              </dd>
              <dt>ATT&amp;CK</dt>
              <dd>{i.attack_techniques.join(', ') || '—'}</dd>
              <dt>Description</dt>
              <dd className="pre">{i.description || '—'}</dd>
              {d.mergedIncidents.length > 0 && (
                <>
                  <dt>Merged into this</dt>
                  <dd>{d.mergedIncidents.map((m) => `#${m.id} ${m.title}`).join(', ')}</dd>
                </>
              )}
            </dl>
          )}

          {write && taxonomies.data && (
            <details className="panel">
              <summary>Change classification, phase, priority, root cause</summary>
              <ActionForm
                label="Save changes"
                method="PATCH"
                path={base}
                headers={ifMatch}
                invalidates={refresh}
                toBody={(f) => {
                  const body: Record<string, unknown> = {};
                  const phase = text(f, 'phase');
                  if (phase && phase !== i.phase) body.phase = phase;
                  const priority = text(f, 'priority');
                  if (priority && priority !== i.priority) {
                    body.priority = priority;
                    if (text(f, 'priorityReason')) body.priorityReason = text(f, 'priorityReason');
                  }
                  const cls = text(f, 'rsit');
                  if (cls !== `${i.rsit_class ?? ''}/${i.rsit_type ?? ''}`) {
                    const [c, t] = cls.split('/');
                    body.rsitClass = c || null;
                    body.rsitType = t || null;
                  }
                  for (const [field, column] of [
                    ['initialVector', 'initial_vector'],
                    ['patientZero', 'patient_zero'],
                    ['affectedConstituents', 'affected_constituents'],
                  ] as const) {
                    if (text(f, field) !== s(i[column])) body[field] = text(f, field);
                  }
                  const tlp = text(f, 'tlp');
                  if (tlp && tlp !== i.tlp) body.tlp = tlp;
                  const techniques = text(f, 'attackTechniques');
                  if (techniques !== i.attack_techniques.join(', ')) body.attackTechniques = techniques.split(/[\s,]+/).filter(Boolean);
                  return body;
                }}
              >
                <label>
                  Phase
                  <select name="phase" defaultValue={i.phase}>
                    {[i.phase, ...d.nextPhases].map((p) => (
                      <option key={p} value={p}>
                        {p === i.phase ? `${p} (now)` : p}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Priority
                  <select name="priority" defaultValue={i.priority}>
                    {taxonomies.data?.priorities.map((p) => (
                      <option key={p}>{p}</option>
                    ))}
                  </select>
                </label>
                <label>
                  Reason for a priority change
                  <input name="priorityReason" />
                </label>
                <label>
                  RSIT class / type
                  <select name="rsit" defaultValue={`${i.rsit_class ?? ''}/${i.rsit_type ?? ''}`}>
                    <option value="/">(unclassified)</option>
                    {rsit.flatMap((c) => [
                      <option key={c.value} value={`${c.value}/`}>
                        {c.name}
                      </option>,
                      ...c.types.map((t) => (
                        <option key={`${c.value}/${t.value}`} value={`${c.value}/${t.value}`}>
                          {c.name} — {t.name}
                        </option>
                      )),
                    ])}
                  </select>
                </label>
                <TlpSelect defaultValue={i.tlp} label="Incident TLP" />
                <label>
                  Affected constituents
                  <input name="affectedConstituents" defaultValue={i.affected_constituents} />
                </label>
                <label>
                  Initial vector
                  <input name="initialVector" defaultValue={i.initial_vector} />
                </label>
                <label>
                  Patient zero
                  <input name="patientZero" defaultValue={i.patient_zero} />
                </label>
                <label>
                  ATT&amp;CK technique ids
                  <input name="attackTechniques" defaultValue={i.attack_techniques.join(', ')} />
                </label>
              </ActionForm>
            </details>
          )}

          {write && (
            <>
              <h2>Lessons learned</h2>
              <p>
                <Link to={`/incidents/${id}/debrief`} navigate={navigate}>
                  Debrief
                </Link>
              </p>
            </>
          )}
        </div>
      )}
      {tab === 'communications' && (
        <div role="tabpanel" id="tab-communications" aria-labelledby="tab-button-communications">
          <h2>Reports</h2>
          <ul>
            {d.reports.map((r) => (
              <li key={r.id}>
                {team ? (
                  <Link to={`/triage/reports/${r.id}`} navigate={navigate}>
                    #{r.id} {s(r.subject)}
                  </Link>
                ) : (
                  `#${r.id} ${s(r.subject)}`
                )}{' '}
                <TlpBadge tlp={r.tlp} />
              </li>
            ))}
          </ul>

          <h2>Communications</h2>
          {d.messages.map((m) => (
            <MessageView key={m.id} message={m} />
          ))}
          {write && d.participants.some((p) => p.email) && (
            <ActionForm
              label="Send mail"
              path={`${base}/mail`}
              invalidates={refresh}
              toBody={(f) => ({
                participantIds: f.getAll('to').map(String),
                subject: text(f, 'subject'),
                text: text(f, 'text'),
                ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}),
              })}
            >
              <fieldset>
                <legend>To</legend>
                {d.participants
                  .filter((p) => p.email)
                  .map((p) => (
                    <label key={p.id} className="inline">
                      <input type="checkbox" name="to" value={p.id} /> {s(p.name)} ({s(p.role)})
                    </label>
                  ))}
              </fieldset>
              <label>
                Subject
                <input name="subject" />
              </label>
              <label>
                Text
                <textarea name="text" rows={6} />
              </label>
              <TlpSelect label="TLP of this mail" />
            </ActionForm>
          )}
        </div>
      )}
      {tab === 'work' && (
        <div role="tabpanel" id="tab-work" aria-labelledby="tab-button-work">
          <h2>Work</h2>
          <ItemTable
            title="Tasks"
            rows={d.tasks}
            columns={[
              ['Task', (r) => s(r.title)],
              ['Status', (r) => s(r.status)],
              ['Due', (r) => when(r.due_at as string | null)],
            ]}
            actions={(r) =>
              write &&
              r.status === 'open' && (
                <ActionButton label="Done" method="PATCH" path={`/api/tasks/${r.id}`} body={{ status: 'done' }} invalidates={refresh} />
              )
            }
          />
          {write && (
            <ActionForm
              label="Add task"
              path={`${base}/tasks`}
              invalidates={refresh}
              toBody={(f) => ({ title: text(f, 'title'), ...(text(f, 'due') ? { dueInWorkingMinutes: Number(text(f, 'due')) * 60 } : {}) })}
            >
              <label>
                Task
                <input name="title" />
              </label>
              <label>
                Due in working hours
                <input name="due" type="number" min="0" step="0.5" />
              </label>
            </ActionForm>
          )}
          <ItemTable
            title="Investigations"
            rows={d.investigations}
            columns={[
              ['Investigation', (r) => s(r.title)],
              ['With', (r) => s(r.correspondent)],
              ['Status', (r) => s(r.status)],
            ]}
            actions={(r) =>
              write &&
              r.status === 'open' && (
                <ActionButton
                  label="Resolve"
                  method="PATCH"
                  path={`/api/investigations/${r.id}`}
                  body={{ status: 'resolved' }}
                  invalidates={refresh}
                />
              )
            }
          />
          {write && (
            <ActionForm
              label="Open investigation"
              path={`${base}/investigations`}
              invalidates={refresh}
              toBody={(f) => ({ title: text(f, 'title'), correspondent: text(f, 'correspondent') })}
            >
              <label>
                Investigation
                <input name="title" />
              </label>
              <label>
                Correspondent
                <input name="correspondent" />
              </label>
            </ActionForm>
          )}
          <ItemTable
            title="Countermeasures"
            rows={d.countermeasures}
            columns={[
              ['Kind', (r) => s(r.kind)],
              ['Target', (r) => s(r.target)],
              ['State', (r) => s(r.state)],
              ['Notify on removal', (r) => (r.notify_on_removal as string[]).join(', ')],
            ]}
            actions={(r) =>
              write &&
              NEXT_STATE[s(r.state)] && (
                <ActionButton
                  label={`→ ${NEXT_STATE[s(r.state)]}`}
                  path={`/api/countermeasures/${r.id}/advance`}
                  body={{ to: NEXT_STATE[s(r.state)] }}
                  invalidates={refresh}
                />
              )
            }
          />
          {write && (
            <ActionForm
              label="Add countermeasure"
              path={`${base}/countermeasures`}
              invalidates={refresh}
              toBody={(f) => ({
                kind: text(f, 'kind'),
                target: text(f, 'target'),
                notifyOnRemoval: text(f, 'notify')
                  .split(/[\s,]+/)
                  .filter(Boolean),
              })}
            >
              <label>
                Kind
                <input name="kind" placeholder="firewall block, sinkhole, DNS takedown…" />
              </label>
              <label>
                Target
                <input name="target" />
              </label>
              <label>
                Notify on removal (addresses)
                <input name="notify" />
              </label>
            </ActionForm>
          )}
        </div>
      )}
      {tab === 'timeline' && (
        <div role="tabpanel" id="tab-timeline" aria-labelledby="tab-button-timeline">
          <h2>Timeline</h2>
          <ItemTable
            title="Events"
            rows={d.timeline}
            columns={[
              ['When', (r) => when(r.occurred_at as string)],
              ['Kind', (r) => s(r.kind)],
              ['What', (r) => s(r.summary)],
            ]}
          />
          {write && (
            <ActionForm
              label="Add event"
              path={`${base}/timeline`}
              invalidates={refresh}
              toBody={(f) => ({ occurredAt: new Date(text(f, 'at') || Date.now()).toISOString(), summary: text(f, 'summary') })}
            >
              <label>
                When
                <input name="at" type="datetime-local" />
              </label>
              <label>
                What happened
                <input name="summary" />
              </label>
            </ActionForm>
          )}
        </div>
      )}
      {tab === 'observables' && (
        <div role="tabpanel" id="tab-observables" aria-labelledby="tab-button-observables">
          <h2>Observables, assets and evidence</h2>
          <ItemTable
            title="Observables"
            rows={d.observables}
            columns={[
              ['Value', (r) => <code>{s(r.value)}</code>],
              ['Kind', (r) => s(r.kind)],
              ['IoC', (r) => (r.is_ioc ? 'yes' : '')],
              [
                '',
                (r) => (
                  <Link to={`/search?seen=${encodeURIComponent(s(r.value))}`} navigate={navigate}>
                    seen elsewhere?
                  </Link>
                ),
              ],
            ]}
          />
          {write && (
            <ActionForm
              label="Add observable"
              path={`${base}/observables`}
              invalidates={refresh}
              toBody={(f) => ({ kind: text(f, 'kind'), value: text(f, 'value'), isIoc: f.get('ioc') === 'on' })}
            >
              <label>
                Kind
                <select name="kind">
                  {[...(taxonomies.data?.indicatorKinds ?? []), 'other'].map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </label>
              <label>
                Value
                <input name="value" />
              </label>
              <label className="inline">
                <input type="checkbox" name="ioc" /> an indicator of compromise
              </label>
            </ActionForm>
          )}
          <ItemTable
            title="Assets"
            rows={d.assets}
            columns={[
              ['Asset', (r) => s(r.name)],
              ['Kind', (r) => s(r.kind)],
              ['Compromised', (r) => (r.compromised ? 'yes' : 'no')],
            ]}
          />
          {write && (
            <ActionForm
              label="Add asset"
              path={`${base}/assets`}
              invalidates={refresh}
              toBody={(f) => ({ name: text(f, 'name'), compromised: f.get('compromised') === 'on' })}
            >
              <label>
                Asset
                <input name="name" />
              </label>
              <label className="inline">
                <input type="checkbox" name="compromised" /> compromised
              </label>
            </ActionForm>
          )}
          <ItemTable
            title="Evidence"
            rows={d.evidence}
            columns={[
              ['Item', (r) => s(r.item)],
              ['SHA-256', (r) => <code title={s(r.sha256)}>{s(r.sha256).slice(0, 16)}…</code>],
              ['Collected', (r) => `${when(r.collected_at as string)} by ${s(r.collected_by)}`],
              ['Where', (r) => s(r.location)],
              ['Custody', (r) => (team ? <a href={`/api/evidence/${r.id}/custody?format=csv`}>log (CSV)</a> : '')],
            ]}
          />
          {write && (
            <ActionForm
              label="Register evidence"
              path={`${base}/evidence`}
              invalidates={refresh}
              toBody={(f) => ({
                item: text(f, 'item'),
                sha256: text(f, 'sha256'),
                collectedBy: text(f, 'by'),
                collectedAt: new Date(text(f, 'at') || Date.now()).toISOString(),
                location: text(f, 'location'),
              })}
            >
              <label>
                Item
                <input name="item" />
              </label>
              <label>
                SHA-256
                <input name="sha256" />
              </label>
              <label>
                Collected by
                <input name="by" />
              </label>
              <label>
                Collected at
                <input name="at" type="datetime-local" />
              </label>
              <label>
                Kept at
                <input name="location" />
              </label>
            </ActionForm>
          )}
        </div>
      )}
      {tab === 'people' && (
        <div role="tabpanel" id="tab-people" aria-labelledby="tab-button-people">
          {team && (
            <>
              <h2>Participants</h2>
              <ItemTable
                title="People"
                rows={d.participants.map((p) => ({ ...p, tlp: i.tlp }))}
                columns={[
                  ['Name', (r) => s(r.name)],
                  ['E-mail', (r) => s(r.email)],
                  ['Role', (r) => s(r.role)],
                ]}
                actions={(r) =>
                  write && <ActionButton label="Remove" method="DELETE" path={`/api/participants/${r.id}`} invalidates={refresh} />
                }
              />
              {write && (
                <ActionForm
                  label="Add participant"
                  path={`${base}/participants`}
                  invalidates={refresh}
                  toBody={(f) => ({ name: text(f, 'name'), email: optional(f, 'email'), role: text(f, 'role') })}
                >
                  <label>
                    Name
                    <input name="name" />
                  </label>
                  <label>
                    E-mail
                    <input name="email" type="email" />
                  </label>
                  <label>
                    Role
                    <select name="role">
                      {taxonomies.data?.participantRoles.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </label>
                </ActionForm>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
