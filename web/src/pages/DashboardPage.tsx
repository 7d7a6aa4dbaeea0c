/**
 * The team's home: what needs attention now. Every figure links to the list it counts; the page
 * refreshes itself every minute.
 */
import { BarChart } from '@mantine/charts';
import { Card, Checkbox, SimpleGrid } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Answer } from '../api';
import { ErrorText, Link, minutes, when } from '../components';
import { useT } from '../i18n';

type Dashboard = Answer<'/api/dashboard'>;

export function DashboardPage({ navigate, canWrite }: { navigate: (to: string) => void; canWrite: boolean }) {
  const t = useT();
  const data = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api<Dashboard>('GET', '/api/dashboard'),
    refetchInterval: 60_000,
  });
  if (data.isPending) return <p>{t('Loading the dashboard…')}</p>;
  if (data.isError) return <ErrorText error={data.error} />;
  const d = data.data;
  const age = d.triage.oldestReceivedAt ? Math.round((Date.parse(d.generatedAt) - Date.parse(d.triage.oldestReceivedAt)) / 60_000) : null;
  return (
    <section>
      <h1>{t('Dashboard')}</h1>
      <p className="muted">{t('Updated {when}; refreshes every minute.', { when: when(d.generatedAt) })}</p>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Card component="article" withBorder padding="md" className="tile" aria-labelledby="open-heading">
          <h2 id="open-heading">
            <Link to="/incidents?open=true" navigate={navigate}>
              {d.open.total === 1 ? t('1 open incident') : t('{count} open incidents', { count: d.open.total })}
            </Link>
          </h2>
          {d.open.byPriority.length > 0 && (
            // The figures are also the links below it: the chart is for the eye only.
            <div aria-hidden="true">
              <BarChart
                h={140}
                data={d.open.byPriority}
                dataKey="priority"
                orientation="vertical"
                barChartProps={{ accessibilityLayer: false }}
                series={[{ name: 'count', label: t('Open incidents'), color: 'orange.8' }]}
                yAxisProps={{ width: 70 }}
                xAxisProps={{ allowDecimals: false }}
                barProps={{
                  cursor: 'pointer',
                  onClick: (entry: { payload?: { priority?: string } }) =>
                    navigate(`/incidents?open=true&priority=${String(entry.payload?.priority)}`),
                }}
              />
            </div>
          )}
          <ul className="counts" aria-label={t('Open incidents by priority')}>
            {d.open.byPriority.map((p) => (
              <li key={p.priority}>
                <Link to={`/incidents?open=true&priority=${p.priority}`} navigate={navigate}>
                  {p.priority}: {p.count}
                </Link>
              </li>
            ))}
          </ul>
          <ul className="counts" aria-label={t('Open incidents by class')}>
            {d.open.byClass.map((c) => (
              <li key={c.rsitClass}>
                <Link to={`/incidents?open=true&rsitClass=${c.rsitClass}`} navigate={navigate}>
                  {c.rsitClass}: {c.count}
                </Link>
              </li>
            ))}
          </ul>
        </Card>

        <Card component="article" withBorder padding="md" className="tile" aria-labelledby="sla-heading">
          <h2 id="sla-heading">
            SLA: <span className={d.sla.overdue > 0 ? 'bad' : undefined}>{t('{count} overdue', { count: d.sla.overdue })}</span>,{' '}
            {t('{count} due within 2 h', { count: d.sla.dueSoon })}
          </h2>
          {d.sla.alerts.length === 0 ? (
            <p className="ok">{t('No clock has run out or is about to.')}</p>
          ) : (
            <ul>
              {d.sla.alerts.map((a) => (
                <li key={`${a.incidentId}${a.measure}`}>
                  <span className={a.state === 'overdue' ? 'bad' : undefined}>{a.state === 'overdue' ? t('overdue') : t('due soon')}</span>{' '}
                  ({t('{measure}, due {when}', { measure: a.measure, when: when(a.dueAt) })}):{' '}
                  <Link to={`/incidents/${a.incidentId}`} navigate={navigate}>
                    #{a.incidentId} {a.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card component="article" withBorder padding="md" className="tile" aria-labelledby="triage-heading">
          <h2 id="triage-heading">
            <Link to="/triage" navigate={navigate}>
              {d.triage.waiting === 1 ? t('1 report in triage') : t('{count} reports in triage', { count: d.triage.waiting })}
            </Link>
          </h2>
          <p>{age === null ? t('The queue is empty.') : t('The oldest has waited {time}.', { time: minutes(age) })}</p>
        </Card>

        <Card component="article" withBorder padding="md" className="tile" aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">
            <Link to="/tasks" navigate={navigate}>
              {t('My tasks')}
            </Link>
          </h2>
          {canWrite && (
            <p>
              <Link to="/incidents?mine=true&open=true" navigate={navigate}>
                {t('Open incidents assigned to me')}
              </Link>
            </p>
          )}
          {d.myTasks.length === 0 ? (
            <p>{t('No open task is yours. Tasks are given owners on the incident page.')}</p>
          ) : (
            <ul>
              {d.myTasks.map((task) => (
                <li key={task.id}>
                  <Link to={`/incidents/${task.incidentId}`} navigate={navigate}>
                    {task.title}
                  </Link>{' '}
                  <span className={task.overdue ? 'bad' : 'muted'}>
                    {task.dueAt ? t('due {when}', { when: when(task.dueAt) }) : t('no due date')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card component="article" withBorder padding="md" className="tile" aria-labelledby="feeds-heading">
          <h2 id="feeds-heading">
            <Link to="/feeds" navigate={navigate}>
              {t('Feeds, last 7 days: {count} events', { count: d.feeds.reduce((sum, f) => sum + f.events, 0) })}
            </Link>
          </h2>
          {d.feeds.length === 0 ? (
            <p>{t('No feed has run this week.')}</p>
          ) : (
            <div aria-hidden="true">
              <BarChart
                h={120}
                data={d.feeds}
                dataKey="day"
                barChartProps={{ accessibilityLayer: false }}
                series={[{ name: 'events', label: t('Events'), color: 'blue.8' }]}
                xAxisProps={{ tickFormatter: (day: string) => day.slice(5) }}
                yAxisProps={{ allowDecimals: false, width: 40 }}
              />
            </div>
          )}
        </Card>

        <Card component="article" withBorder padding="md" className="tile" aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">
            <Link to="/notifications" navigate={navigate}>
              {t('Notifications, last 7 days: {count}', { count: d.notifications.built })}
            </Link>
          </h2>
          <p>
            {t('{sent} sent, {withheld} withheld, {bounced} bounced.', {
              sent: d.notifications.sent,
              withheld: d.notifications.withheld,
              bounced: d.notifications.bounced,
            })}{' '}
            {t('Feedback: {useful} useful, {notUseful} not useful, {falsePositive} false positive.', {
              useful: d.notifications.useful,
              notUseful: d.notifications.notUseful,
              falsePositive: d.notifications.falsePositive,
            })}
          </p>
        </Card>
      </SimpleGrid>

      {canWrite && <WatchedUpdates navigate={navigate} />}

      <h2>{t('Recent activity')}</h2>
      {d.activity.length === 0 ? (
        <p>{t('Nothing has happened yet: open an incident from the triage queue to start.')}</p>
      ) : (
        <ul data-testid="activity">
          {d.activity.map((a, n) => (
            <li key={n}>
              {when(a.at)} <span className="muted">{a.kind}</span>{' '}
              <Link to={`/incidents/${a.incidentId}`} navigate={navigate}>
                #{a.incidentId} {a.title}
              </Link>
              : {a.summary}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Whether these updates come by mail too: a digest every quarter of an hour. */
function WatchMailChoice() {
  const t = useT();
  const choice = useQuery({ queryKey: ['watch-mail'], queryFn: () => api<Answer<'/api/me/watch-mail'>>('GET', '/api/me/watch-mail') });
  // The box follows the click at once (state set in the click itself); a refused save puts the stored choice back.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: (mail: boolean) => api<Answer<'/api/me/watch-mail', 'put'>>('PUT', '/api/me/watch-mail', { mail }),
    onError: () => setClicked(null),
  });
  return (
    <>
      <Checkbox
        label={t('Also by mail (a digest every 15 minutes)')}
        checked={clicked ?? choice.data?.mail ?? false}
        disabled={!choice.data}
        onChange={(e) => {
          const mail = e.currentTarget.checked;
          setClicked(mail);
          save.mutate(mail);
        }}
      />
      <ErrorText error={save.error} />
    </>
  );
}

/** What others did on the incidents I watch or manage. */
function WatchedUpdates({ navigate }: { navigate: (to: string) => void }) {
  const t = useT();
  const updates = useQuery({
    queryKey: ['my-updates'],
    queryFn: () => api<Answer<'/api/me/updates'>>('GET', '/api/me/updates?limit=15'),
    refetchInterval: 60_000,
  });
  return (
    <>
      <h2>{t('On incidents I watch or manage')}</h2>
      <WatchMailChoice />
      <ErrorText error={updates.error} />
      {updates.data?.length === 0 && (
        <p>{t('Nothing new. Watch an incident (the button beside its phase) to see here what others do on it.')}</p>
      )}
      <ul className="updates" data-testid="my-updates">
        {updates.data?.map((u) => (
          <li key={`${u.kind}:${u.id}`}>
            {when(u.at)} <span className="muted">{u.kind === 'note' ? t('note') : t('timeline')}</span>{' '}
            <Link to={`/incidents/${u.incidentId}`} navigate={navigate}>
              #{u.incidentId} {u.incidentTitle}
            </Link>
            : {u.by} — {u.text}
          </li>
        ))}
      </ul>
    </>
  );
}
