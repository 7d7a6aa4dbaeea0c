/** One incident: its header (labels, clocks, watching) and its tabs, the one shown named in the address. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { ActionButton, ErrorText, Link, SlaBadge, Tabs, TlpBadge } from '../../components';
import { CommunicationsTab } from './CommunicationsTab';
import type { Detail, TabProps, Taxonomies } from './model';
import { ObservablesTab } from './ObservablesTab';
import { PeopleTab } from './PeopleTab';
import { SummaryTab } from './SummaryTab';
import { TimelineTab } from './TimelineTab';
import { WorkTab } from './WorkTab';

const INCIDENT_TABS = [
  ['summary', 'Summary'],
  ['communications', 'Reports and mail'],
  ['work', 'Tasks and actions'],
  ['timeline', 'Timeline'],
  ['observables', 'Observables and evidence'],
  ['people', 'Participants and shares'],
] as const;
type IncidentTab = (typeof INCIDENT_TABS)[number][0];

export interface Rights {
  write: boolean;
  manage: boolean;
  me: string;
}

export function IncidentView({
  id,
  search,
  navigate,
  rights,
}: {
  id: string;
  search: URLSearchParams;
  navigate: (to: string) => void;
  rights: Rights;
}) {
  const tab: IncidentTab = INCIDENT_TABS.find(([t]) => t === search.get('tab'))?.[0] ?? 'summary';
  const key = ['incident', id];
  const detail = useQuery({ queryKey: key, queryFn: () => api<Detail>('GET', `/api/incidents/${id}`) });
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  const members = useQuery({
    queryKey: ['team-members'],
    queryFn: () => api<Array<{ id: string; name: string }>>('GET', '/api/team-members'),
    enabled: rights.write,
  });
  if (detail.isPending) return <p>Loading incident…</p>;
  if (detail.isError) return <ErrorText error={detail.error} />;
  const d = detail.data;
  const i = d.incident;
  const team = d.viewer.kind === 'team';
  const props: TabProps = {
    detail: d,
    taxonomies: taxonomies.data,
    members: members.data ?? [],
    write: team && rights.write,
    manage: team && rights.manage,
    team,
    refresh: [key, ['incidents']],
    base: `/api/incidents/${id}`,
    navigate,
  };

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
        {i.sensitive && <strong className="bad"> · SENSITIVE</strong>}{' '}
        {props.write && (
          <ActionButton
            label={d.watching ? 'Stop watching' : 'Watch'}
            method={d.watching ? 'DELETE' : 'PUT'}
            path={`${props.base}/watch`}
            invalidates={[key]}
          />
        )}
      </p>
      {d.sla && (
        <p className="sla-row" data-testid="sla">
          <SlaBadge name="acknowledge" timer={d.sla.acknowledge} /> <SlaBadge name="triage" timer={d.sla.triage} />{' '}
          <SlaBadge name="resolve" timer={d.sla.resolve} />
        </p>
      )}
      <Tabs tabs={INCIDENT_TABS} current={tab} onSelect={(t) => navigate(`/incidents/${id}${t === 'summary' ? '' : `?tab=${t}`}`)} />
      <div role="tabpanel" id={`tab-${tab}`} aria-labelledby={`tab-button-${tab}`}>
        {tab === 'summary' && <SummaryTab props={props} me={rights.me} />}
        {tab === 'communications' && <CommunicationsTab props={props} />}
        {tab === 'work' && <WorkTab props={props} me={rights.me} />}
        {tab === 'timeline' && <TimelineTab props={props} />}
        {tab === 'observables' && <ObservablesTab props={props} />}
        {tab === 'people' && props.team && <PeopleTab props={props} />}
      </div>
    </section>
  );
}
