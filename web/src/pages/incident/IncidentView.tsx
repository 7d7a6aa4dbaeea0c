/** One incident: its header (labels, clocks, watching) and its tabs, the one shown named in the address. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { ActionButton, ErrorText, Link, SlaBadge, Tabs, TlpBadge } from '../../components';
import { useT } from '../../i18n';
import { CommunicationsTab } from './CommunicationsTab';
import type { Detail, Member, TabProps, Taxonomies } from './model';
import { ObservablesTab } from './ObservablesTab';
import { PeersTab } from './PeersTab';
import { PeopleTab } from './PeopleTab';
import { SummaryTab } from './SummaryTab';
import { TimelineTab } from './TimelineTab';
import { WorkTab } from './WorkTab';

const INCIDENT_TABS = ['summary', 'communications', 'work', 'timeline', 'observables', 'people', 'peers'] as const;
type IncidentTab = (typeof INCIDENT_TABS)[number];

export interface Rights {
  write: boolean;
  manage: boolean;
  /** Sharing with peer teams (sharing:manage). */
  share: boolean;
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
  const t = useT();
  const tab: IncidentTab = INCIDENT_TABS.find((name) => name === search.get('tab')) ?? 'summary';
  const tabs: ReadonlyArray<readonly [IncidentTab, string]> = [
    ['summary', t('Summary')],
    ['communications', t('Reports and mail')],
    ['work', t('Tasks and actions')],
    ['timeline', t('Timeline')],
    ['observables', t('Observables and evidence')],
    ['people', t('Participants and shares')],
    ['peers', t('Peer teams')],
  ];
  const key = ['incident', id];
  const detail = useQuery({ queryKey: key, queryFn: () => api<Detail>('GET', `/api/incidents/${id}`) });
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  const members = useQuery({
    queryKey: ['team-members'],
    queryFn: () => api<Member[]>('GET', '/api/team-members'),
    enabled: rights.write,
  });
  if (detail.isPending) return <p>{t('Loading incident…')}</p>;
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
          {t('← Incidents')}
        </Link>
      </p>
      <h1>{t('Incident #{id}: {title}', { id: i.id, title: i.title })}</h1>
      <p>
        <TlpBadge tlp={i.tlp} /> · {t('phase')} <strong data-testid="incident-phase">{i.phase}</strong> · {t('priority')}{' '}
        <strong data-testid="incident-priority">{i.priority}</strong>
        {i.requested_priority && i.requested_priority !== i.priority && (
          <span className="muted"> ({t('requested {priority}', { priority: i.requested_priority })})</span>
        )}
        {i.sensitive && <strong className="bad"> · {t('SENSITIVE')}</strong>}{' '}
        {props.write && (
          <ActionButton
            label={d.watching ? t('Stop watching') : t('Watch')}
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
      <Tabs
        tabs={tabs.filter(([name]) => name !== 'peers' || props.write)}
        current={tab}
        onSelect={(to) => navigate(`/incidents/${id}${to === 'summary' ? '' : `?tab=${to}`}`)}
      >
        {tab === 'summary' && <SummaryTab props={props} me={rights.me} />}
        {tab === 'communications' && <CommunicationsTab props={props} />}
        {tab === 'work' && <WorkTab props={props} me={rights.me} />}
        {tab === 'timeline' && <TimelineTab props={props} />}
        {tab === 'observables' && <ObservablesTab props={props} />}
        {tab === 'people' && props.team && <PeopleTab props={props} />}
        {tab === 'peers' && props.team && props.write && <PeersTab props={props} share={rights.share} />}
      </Tabs>
    </section>
  );
}
