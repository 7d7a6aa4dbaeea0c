import { Table, TextInput } from '@mantine/core';
/**
 * The SLA targets per priority, in working hours: shown to everyone who reads the KPIs, changed
 * by incident managers and admins (incidents:manage). Every priority is sent back as shown.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ActionForm, ErrorText, ScrollTable } from '../components';
import { useT } from '../i18n';

type Policy = Answer<'/api/sla-policies'>[number];
const MEASURES = ['acknowledgeMinutes', 'triageMinutes', 'resolveMinutes'] as const;
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export function SlaTargets({ canManage }: { canManage: boolean }) {
  const t = useT();
  const labels: Record<(typeof MEASURES)[number], string> = {
    acknowledgeMinutes: t('Acknowledge'),
    triageMinutes: t('Triage'),
    resolveMinutes: t('Resolve'),
  };
  const policies = useQuery({ queryKey: ['sla-policies'], queryFn: () => api<Policy[]>('GET', '/api/sla-policies') });
  if (policies.isPending) return <p>{t('Loading the SLA targets…')}</p>;
  if (policies.isError) return <ErrorText error={policies.error} />;
  const table = (
    <ScrollTable data-testid="sla-targets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Priority')}</Table.Th>
          {MEASURES.map((field) => (
            <Table.Th key={field}>{t('{measure} (working hours)', { measure: labels[field] })}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {policies.data.map((p) => (
          <Table.Tr key={p.priority}>
            <Table.Th scope="row">{p.priority}</Table.Th>
            {MEASURES.map((field) => (
              <Table.Td key={field}>
                {canManage ? (
                  <TextInput
                    size="xs"
                    name={`${p.priority}.${field}`}
                    aria-label={`${labels[field]}, ${p.priority}`}
                    inputMode="decimal"
                    defaultValue={hours(p[field])}
                  />
                ) : (
                  hours(p[field])
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
  return (
    <section aria-labelledby="sla-targets-heading">
      <h2 id="sla-targets-heading">{t('SLA targets')}</h2>
      {canManage ? (
        <ActionForm
          label={t('Save the SLA targets')}
          method="PUT"
          path="/api/sla-policies"
          invalidates={[['sla-policies'], ['kpi'], ['dashboard']]}
          toBody={(form) =>
            policies.data.map((p) => ({
              priority: p.priority,
              ...Object.fromEntries(
                MEASURES.map((field) => [field, Math.round(Number(String(form.get(`${p.priority}.${field}`)).replace(',', '.')) * 60)]),
              ),
            }))
          }
        >
          {table}
        </ActionForm>
      ) : (
        table
      )}
    </section>
  );
}
