import { Table } from '@mantine/core';
/** KPIs: time to acknowledge, triage, contain and resolve (working time) per RSIT class and priority. */
import { useQuery } from '@tanstack/react-query';
import { BarChart } from '@mantine/charts';
import { api, type Answer } from '../api';
import { ErrorText, minutes, ScrollTable } from '../components';
import { SlaTargets } from './SlaTargets';
import { useT } from '../i18n';

type Kpi = Answer<'/api/kpi'>;

const MEASURES = ['acknowledge', 'triage', 'contain', 'resolve'] as const;
const COLOURS = ['blue.8', 'orange.6', 'teal.7', 'red.8'];

export function KpiPage({ canManage }: { canManage: boolean }) {
  const t = useT();
  const kpi = useQuery({ queryKey: ['kpi'], queryFn: () => api<Kpi>('GET', '/api/kpi') });
  if (kpi.isPending) return <p>{t('Loading KPIs…')}</p>;
  if (kpi.isError) return <ErrorText error={kpi.error} />;
  const rows = kpi.data.rows;
  const chart = rows.map((r) => ({
    name: `${r.rsitClass} (${r.priority})`,
    ...Object.fromEntries(MEASURES.map((m) => [m, r[m].medianMinutes === null ? 0 : Math.round(r[m].medianMinutes / 6) / 10])),
  }));
  return (
    <section>
      <h1>{t('KPIs')}</h1>
      <p className="muted">
        {t('Incidents opened {from} to {to}; median working hours from the first report.', {
          from: kpi.data.from.slice(0, 10),
          to: kpi.data.to.slice(0, 10),
        })}
      </p>
      {rows.length === 0 ? (
        <p>{t('No incidents in this period.')}</p>
      ) : (
        <BarChart
          h={320}
          data={chart}
          dataKey="name"
          data-testid="kpi-chart"
          withLegend
          yAxisLabel={t('working hours (median)')}
          series={MEASURES.map((m, n) => ({ name: m, color: COLOURS[n]! }))}
        />
      )}
      <ScrollTable data-testid="kpi-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Class')}</Table.Th>
            <Table.Th>{t('Priority')}</Table.Th>
            <Table.Th>{t('Incidents')}</Table.Th>
            {MEASURES.map((m) => (
              <Table.Th key={m}>{t('{measure} (median / p90 / breaches)', { measure: m })}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.rsitClass}${r.priority}`}>
              <Table.Td>{r.rsitClass}</Table.Td>
              <Table.Td>{r.priority}</Table.Td>
              <Table.Td>{r.incidents}</Table.Td>
              {MEASURES.map((m) => (
                <Table.Td key={m}>
                  {minutes(r[m].medianMinutes)} / {minutes(r[m].p90Minutes)} / {r[m].breaches}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <SlaTargets canManage={canManage} />
    </section>
  );
}
