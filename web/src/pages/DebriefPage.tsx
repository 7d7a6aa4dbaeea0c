import { Button, Table, TextInput, Textarea } from '@mantine/core';
/**
 * The lessons-learned debrief. The team's text is held in one editor whose every action (save,
 * refresh the facts, make final) sends what is typed, so nothing typed is dropped; making it final
 * asks first, waits until the incident is resolved, and can be undone by a reopen with a reason.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Answer } from '../api';
import { ErrorText, Link, minutes, when, ScrollTable } from '../components';
import { useT } from '../i18n';

type Debrief = Answer<'/api/incidents/{id}/debrief'>;
type DebriefContent = Debrief['content'];

/** The phases in which a debrief may be made final (the server decides; this only explains). */
const FINAL_AFTER = ['lessons-learned', 'closed'];

export function DebriefPage({ id, navigate, canWrite }: { id: string; navigate: (to: string) => void; canWrite: boolean }) {
  const t = useT();
  const debrief = useQuery({ queryKey: ['debrief', id], queryFn: () => api<Debrief>('GET', `/api/incidents/${id}/debrief`) });
  const incident = useQuery({
    queryKey: ['incident', id],
    queryFn: () => api<{ incident: { phase: string } }>('GET', `/api/incidents/${id}`),
  });
  if (debrief.isPending) return <p>{t('Preparing the debrief…')}</p>;
  if (debrief.isError) return <ErrorText error={debrief.error} />;
  const d = debrief.data;
  const c = d.content;
  const draft = d.status === 'draft';
  return (
    <section>
      <p>
        <Link to={`/incidents/${id}`} navigate={navigate}>
          ← Incident #{id}
        </Link>
      </p>
      <h1>{c.title}</h1>
      <p data-testid="debrief-status">
        {draft ? t('Draft') : t('Final since {at}', { at: when(d.finalisedAt) })} ·{' '}
        <a href={`/api/incidents/${id}/debrief?format=html`}>HTML</a> · <a href={`/api/incidents/${id}/debrief?format=pdf`}>PDF</a>
      </p>
      <h2>{t('Durations against the SLA')}</h2>
      <ScrollTable>
        <Table.Tbody>
          {c.durations.map((x) => (
            <Table.Tr key={x.measure}>
              <Table.Th>{x.measure}</Table.Th>
              <Table.Td>{minutes(x.workingMinutes)}</Table.Td>
              <Table.Td>target {minutes(x.targetMinutes)}</Table.Td>
              <Table.Td className={`sla-${x.state}`}>{x.state}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <h2>{t('Timeline')}</h2>
      <ul>
        {c.timeline.map((e, n) => (
          <li key={n}>
            {when(e.at)} <span className="muted">{e.kind}</span> {e.summary}
          </li>
        ))}
      </ul>
      {draft && canWrite ? (
        <DebriefEditor key={d.version} id={id} debrief={d} phase={incident.data?.incident.phase} />
      ) : (
        <DebriefText content={c} />
      )}
      {!draft && canWrite && <ReopenForm id={id} version={d.version} />}
    </section>
  );
}

function DebriefText({ content: c }: { content: DebriefContent }) {
  const t = useT();
  return (
    <>
      <h2>{t('Summary')}</h2>
      <p className="pre">{c.summary || '—'}</p>
      <h2>{t('What went well')}</h2>
      <p className="pre">{c.wentWell || '—'}</p>
      <h2>{t('What hindered')}</h2>
      <p className="pre">{c.hindered || '—'}</p>
      <h2>{t('Actions agreed')}</h2>
      {c.actions.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {c.actions.map((a, n) => (
            <li key={n}>
              {a.action} — {a.owner || 'unassigned'} {a.due}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const actionLines = (actions: DebriefContent['actions']) => actions.map((a) => `${a.action} | ${a.owner} | ${a.due}`).join('\n');
const parseActions = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [action = '', owner = '', due = ''] = line.split('|').map((x) => x.trim());
      return { action, owner, due };
    });

function DebriefEditor({ id, debrief, phase }: { id: string; debrief: Debrief; phase: string | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const c = debrief.content;
  const [text, setText] = useState({ summary: c.summary, wentWell: c.wentWell, hindered: c.hindered, actions: actionLines(c.actions) });
  const content = { ...c, summary: text.summary, wentWell: text.wentWell, hindered: text.hindered, actions: parseActions(text.actions) };
  const save = useMutation({
    mutationFn: (extra: { regenerate?: boolean; final?: boolean }) =>
      api<Debrief>('PUT', `/api/incidents/${id}/debrief`, { content, ...extra }, { 'if-match': `"${debrief.version}"` }),
    onSuccess: (saved) => queryClient.setQueryData(['debrief', id], saved),
  });
  const finalAllowed = phase !== undefined && FINAL_AFTER.includes(phase);
  const finalise = () => {
    if (window.confirm(t('Make the debrief final? What you typed is saved with it. Changing it later needs a reopen with a reason.')))
      save.mutate({ final: true });
  };
  const field = (name: keyof typeof text, label: string) => (
    <Textarea
      label={label}
      rows={4}
      value={text[name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setText((now) => ({ ...now, [name]: value }));
      }}
    />
  );
  return (
    <form className="action-form" aria-label={t('Debrief')} onSubmit={(e) => (e.preventDefault(), save.mutate({}))}>
      {field('summary', t('Summary'))}
      {field('wentWell', t('What went well'))}
      {field('hindered', t('What hindered'))}
      {field('actions', t('Actions agreed (one a line: action | owner | due)'))}
      <Button type="submit" disabled={save.isPending}>
        {t('Save draft')}
      </Button>
      <Button variant="default" disabled={save.isPending} onClick={() => save.mutate({ regenerate: true })}>
        {t('Refresh facts and timeline')}
      </Button>
      <Button variant="default" disabled={save.isPending || !finalAllowed} onClick={finalise}>
        {t('Make final')}
      </Button>
      {!finalAllowed && phase && (
        <p className="muted">The debrief can be made final once the incident reaches lessons-learned or closed (it is in {phase}).</p>
      )}
      <ErrorText error={save.error} />
    </form>
  );
}

function ReopenForm({ id, version }: { id: string; version: number }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const reopen = useMutation({
    mutationFn: () => api<Debrief>('POST', `/api/incidents/${id}/debrief/reopen`, { reason }, { 'if-match': `"${version}"` }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['debrief', id], saved);
      await queryClient.invalidateQueries({ queryKey: ['incident', id] });
    },
  });
  return (
    <form className="action-form" aria-label={t('Reopen the debrief')} onSubmit={(e) => (e.preventDefault(), reopen.mutate())}>
      <TextInput
        label={t("Why reopen it (goes on the incident's timeline)")}
        value={reason}
        required
        onChange={(e) => setReason(e.target.value)}
      />
      <Button type="submit" disabled={reopen.isPending}>
        {t('Reopen the debrief')}
      </Button>
      <ErrorText error={reopen.error} />
    </form>
  );
}
