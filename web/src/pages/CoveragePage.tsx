import { Button, NativeSelect, Table, TextInput } from '@mantine/core';
/**
 * The gap analysis: the coverage matrix (countries × sectors) of the directory or of a snapshot,
 * colour-coded and charted, snapshots and their comparison, and the report's questions.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { api, type Answer } from '../api';
import { ActionForm, ErrorText, text, ScrollTable } from '../components';
import { SECTORS } from './directory/model';
import { useT } from '../i18n';

type MatrixAnswer = Answer<'/api/directory/matrix'>;
type Matrix = MatrixAnswer['matrix'];
type Cell = Matrix['cells'][string][string];
type Level = Cell['level'];
type Snapshot = Answer<'/api/directory/snapshots'>['snapshots'][number];
type Comparison = Answer<'/api/directory/snapshots/compare'>;
type QuestionAnswer = Answer<'/api/directory/questions/national-poc'>;

/** The coverage levels in the reader's language. */
function useLevelLabels(): Record<Level, string> {
  const t = useT();
  return { yes: t('Yes'), partly: t('Partly'), planned: t('Planned'), none: t('No known activity') };
}
const COLOUR: Record<Level, string> = { yes: '#2e7d32', partly: '#f9a825', planned: '#1565c0', none: '#c62828' };
const LEVELS: Level[] = ['yes', 'partly', 'planned', 'none'];

function cellText(cell: Cell | undefined, labels: Record<Level, string>, notAssessed: string): string {
  if (!cell) return notAssessed;
  if (cell.text) return cell.text;
  return cell.teams.length ? `${labels[cell.level]} (${cell.teams.map((t) => t.name).join('; ')})` : labels[cell.level];
}

export function CoveragePage({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const [snapshot, setSnapshot] = useState('');
  const [countries, setCountries] = useState('');
  const params = new URLSearchParams(snapshot ? { snapshot } : countries ? { countries } : {}).toString();
  const matrix = useQuery({
    queryKey: ['coverage', params],
    queryFn: () => api<MatrixAnswer>('GET', `/api/directory/matrix?${params}`),
  });
  const snapshots = useQuery({ queryKey: ['snapshots'], queryFn: () => api<{ snapshots: Snapshot[] }>('GET', '/api/directory/snapshots') });
  return (
    <section>
      <h1>{t('Coverage and gaps')}</h1>
      <form
        className="action-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setSnapshot(text(f, 'snapshot'));
          setCountries(text(f, 'countries'));
        }}
      >
        <NativeSelect label={t('Matrix')} name="snapshot" defaultValue="" aria-label={t('Matrix')}>
          <option value="">{t('The directory now')}</option>
          {snapshots.data?.snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.takenAt})
            </option>
          ))}
        </NativeSelect>
        <TextInput label={t('Also show countries')} name="countries" placeholder="SE,NO,FI" />
        <Button type="submit">{t('Show')}</Button>
      </form>
      <ErrorText error={matrix.error} />
      {matrix.data && <MatrixView matrix={matrix.data.matrix} totals={matrix.data.totals} params={params} />}
      <Compare snapshots={snapshots.data?.snapshots ?? []} />
      {canWrite && (
        <ActionForm
          label={t('Take a snapshot')}
          path="/api/directory/snapshots"
          invalidates={[['snapshots']]}
          toBody={(f) => ({ name: text(f, 'name') })}
        >
          <TextInput label={t('Snapshot name')} name="name" required placeholder="Inventory 2026" />
        </ActionForm>
      )}
      <Questions />
    </section>
  );
}

function MatrixView({ matrix, totals, params }: MatrixAnswer & { params: string }) {
  const t = useT();
  const LABEL = useLevelLabels();
  return (
    <>
      <p>
        {LEVELS.map((l) => (
          <span key={l} style={{ borderLeft: `12px solid ${COLOUR[l]}`, paddingLeft: 4, marginRight: 12 }}>
            {LABEL[l]}
          </span>
        ))}
        <a href={`/api/directory/matrix?${params}${params ? '&' : ''}format=csv`}>CSV</a> ·{' '}
        <a href={`/api/directory/matrix?${params}${params ? '&' : ''}format=html`}>HTML</a>
      </p>
      <ScrollTable data-testid="coverage-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Country')}</Table.Th>
            {matrix.sectors.map((s) => (
              <Table.Th key={s}>{s}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.countries.map(({ code, name }) => (
            <Table.Tr key={code} data-country={code}>
              <Table.Th>{name}</Table.Th>
              {matrix.sectors.map((s) => {
                const cell = matrix.cells[code]?.[s];
                return (
                  <Table.Td
                    key={s}
                    data-level={cell?.level ?? 'not-assessed'}
                    style={cell ? { background: `${COLOUR[cell.level]}22`, borderLeft: `4px solid ${COLOUR[cell.level]}` } : {}}
                  >
                    {cellText(cell, LABEL, t('Not assessed'))}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <BarChart
        h={280}
        data={totals}
        dataKey="sector"
        type="stacked"
        data-testid="coverage-chart"
        withLegend
        yAxisLabel={t('countries')}
        yAxisProps={{ allowDecimals: false }}
        series={LEVELS.map((l) => ({ name: l, label: LABEL[l], color: COLOUR[l] }))}
      />
    </>
  );
}

function Compare({ snapshots }: { snapshots: Snapshot[] }) {
  const t = useT();
  const compare = useMutation({ mutationFn: (q: string) => api<Comparison>('GET', `/api/directory/snapshots/compare?${q}`) });
  const options = [{ id: 'live', name: t('The directory now'), takenAt: t('today'), source: '' }, ...snapshots];
  return (
    <>
      <h2>{t('Compare')}</h2>
      <form
        key={snapshots.length}
        className="action-form"
        aria-label={t('Compare snapshots')}
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          compare.mutate(new URLSearchParams({ from: text(f, 'from'), to: text(f, 'to') }).toString());
        }}
      >
        {(['from', 'to'] as const).map((side) => (
          <NativeSelect
            key={side}
            label={side === 'from' ? t('From') : t('To')}
            name={side}
            defaultValue={side === 'from' ? (snapshots[0]?.id ?? 'live') : 'live'}
          >
            {options.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.takenAt})
              </option>
            ))}
          </NativeSelect>
        ))}
        <Button type="submit">{t('Compare')}</Button>
      </form>
      <ErrorText error={compare.error} />
      {compare.data && (
        <div data-testid="comparison">
          <p>
            {compare.data.changed.length} cell(s) changed from {compare.data.from} to {compare.data.to}.
          </p>
          <ul>
            {compare.data.changed.slice(0, 200).map((c) => (
              <li key={`${c.country}${c.sector}`}>
                {c.countryName} / {c.sector}: {c.before.text} → {c.after.text}
              </li>
            ))}
          </ul>
          {compare.data.teamsAppeared.length > 0 && (
            <p>
              {t('Teams appeared: {teams}', {
                teams: compare.data.teamsAppeared.map((team) => `${team.name} (${team.country})`).join(', '),
              })}
            </p>
          )}
          {compare.data.teamsGone.length > 0 && (
            <p>{t('Teams gone: {teams}', { teams: compare.data.teamsGone.map((team) => `${team.name} (${team.country})`).join(', ') })}</p>
          )}
        </div>
      )}
    </>
  );
}

function Questions() {
  const t = useT();
  const [answer, setAnswer] = useState<QuestionAnswer | undefined>();
  const ask = useMutation({ mutationFn: (url: string) => api<QuestionAnswer>('GET', url), onSuccess: setAnswer });
  return (
    <>
      <h2>{t('Questions')}</h2>
      <form
        className="action-form"
        aria-label={t('Ask')}
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const question = text(f, 'question');
          const value =
            question === 'accredited'
              ? `sector=${encodeURIComponent(text(f, 'sector'))}`
              : `country=${encodeURIComponent(text(f, 'country'))}`;
          ask.mutate(`/api/directory/questions/${question}?${value}`);
        }}
      >
        <NativeSelect label={t('Question')} name="question" defaultValue="national-poc">
          <option value="national-poc">{t('Is there a national point of contact for country…')}</option>
          <option value="gaps">{t('Which sectors of country … have no known team?')}</option>
          <option value="accredited">{t('Which teams in sector … are accredited or certified?')}</option>
        </NativeSelect>
        <TextInput label={t('Country')} name="country" maw="16rem" maxLength={2} defaultValue="SE" />
        <NativeSelect label={t('Sector')} name="sector" defaultValue="government">
          {SECTORS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </NativeSelect>
        <Button type="submit">{t('Ask')}</Button>
      </form>
      <ErrorText error={ask.error} />
      {answer && (
        <p data-testid="answer">
          <strong>{answer.question}</strong> {answer.answer}
        </p>
      )}
    </>
  );
}
