import { Button, Table } from '@mantine/core';
/**
 * Retention, for administrators: the periods the team profile sets, what the next purge would
 * remove or pseudonymise (a dry run, counted now), what it must keep and why, and a purge now.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ScrollTable } from '../components';
import { useT } from '../i18n';
import { useKeptReasons, useKindEffects, useKindLabels } from './RetentionFields';

type Retention = Answer<'/api/retention'>;
type Outcome = Retention['plan'];

export function RetentionPage() {
  const t = useT();
  const labels = useKindLabels();
  const effects = useKindEffects();
  const keptReasons = useKeptReasons();
  const queryClient = useQueryClient();
  const retention = useQuery({ queryKey: ['retention'], queryFn: () => api<Retention>('GET', '/api/retention') });
  const run = useMutation({
    mutationFn: () => api<Outcome>('POST', '/api/retention/purge'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['retention'] }),
  });
  if (retention.isPending) return <p>{t('Counting what is due…')}</p>;
  if (retention.isError) return <p role="alert">{retention.error.message}</p>;
  const { policy, plan } = retention.data;
  const due = plan.kinds.reduce((sum, k) => sum + k.due, 0);
  const purge = () => {
    if (window.confirm(t('Remove or pseudonymise {count} records now? This cannot be undone.', { count: due }))) run.mutate();
  };
  return (
    <section>
      <h1>{t('Retention')}</h1>
      <p className="muted">
        {t('The periods are set in the team profile. The worker purges every night; the counts below are what it would do now.')}
      </p>
      <ScrollTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Kind')}</Table.Th>
            <Table.Th>{t('Kept for')}</Table.Th>
            <Table.Th>{t('Due now')}</Table.Th>
            <Table.Th>{t('What happens')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.kinds.map((k) => (
            <Table.Tr key={k.kind} data-testid={`retention-${k.kind}`}>
              <Table.Td>{labels[k.kind]}</Table.Td>
              <Table.Td>{policy[k.kind] ? t('{days} days', { days: policy[k.kind] ?? 0 }) : t('kept')}</Table.Td>
              <Table.Td>
                {k.due}
                {k.kept && (
                  <div className="muted">
                    {t('{count} kept: {reason}', { count: k.kept.count, reason: keptReasons[k.kind] ?? k.kept.reason })}
                  </div>
                )}
              </Table.Td>
              <Table.Td>{effects[k.kind]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <div className="actions">
        <Button variant="default" onClick={purge} disabled={due === 0 || run.isPending}>
          {run.isPending ? t('Purging…') : t('Purge now')}
        </Button>
      </div>
      {run.isError && <p role="alert">{run.error.message}</p>}
      {run.data && (
        <p role="status">
          {t('Done: {count} records removed or pseudonymised.', { count: run.data.kinds.reduce((sum, k) => sum + k.done, 0) })}
        </p>
      )}
    </section>
  );
}
