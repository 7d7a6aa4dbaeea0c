import { NativeSelect, TextInput, Textarea } from '@mantine/core';
/**
 * The team's incident templates, one per RSIT type (or class): the tasks such an incident always
 * needs, its default priority and TLP. Everyone on the team reads them; incident managers and
 * admins change them. Tasks are written one per line, a due time in working hours after a "|".
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ActionButton, ActionForm, ErrorText, RsitOptions, TlpSelect, text, useNextPages } from '../components';
import type { Taxonomies } from './incident/model';
import { useT } from '../i18n';

type Templates = Answer<'/api/incident-templates'>;
type Template = Templates['templates'][number];
const TEMPLATE_PAGE = 50;

const tasksAsText = (tasks: Template['tasks']) =>
  tasks.map((t) => (t.dueInWorkingMinutes !== undefined ? `${t.title} | ${t.dueInWorkingMinutes / 60}` : t.title)).join('\n');

/** "Title | 1.5" → a task due 90 working minutes after it is added. */
function tasksFrom(lines: string): Template['tasks'] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = '', due] = line.split('|').map((part) => part.trim());
      const hours = due ? Number(due.replace(',', '.')) : NaN;
      return Number.isFinite(hours) ? { title, dueInWorkingMinutes: Math.round(hours * 60) } : { title };
    });
}

export function TemplatesPage({ canManage }: { canManage: boolean }) {
  const { after, pager } = useNextPages();
  const templates = useQuery({
    queryKey: ['templates', after ?? ''],
    queryFn: () => api<Templates>('GET', `/api/incident-templates?limit=${TEMPLATE_PAGE}${after ? `&after=${after}` : ''}`),
  });
  const list = templates.data?.templates;
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  const t = useT();
  return (
    <section>
      <h1>{t('Incident templates')}</h1>
      <p>
        {t(
          'An incident opened or classified with one of these RSIT types starts with its tasks; a new one also with its priority and TLP.',
        )}
      </p>
      <ErrorText error={templates.error} />
      {list?.length === 0 && <p>{canManage ? t('No template yet: add the first below.') : t('No template yet.')}</p>}
      {list?.map((tpl) => (
        <details key={`${tpl.id}-${tpl.version}`} className="panel">
          <summary>
            {tpl.name} — {tpl.rsitClass}
            {tpl.rsitType ? ` / ${tpl.rsitType}` : ` (${t('any type')})`} · {tpl.priority} · TLP:{tpl.tlp} ·{' '}
            {t('{count} task(s)', { count: tpl.tasks.length })}
          </summary>
          {canManage ? (
            <>
              <TemplateForm template={tpl} taxonomies={taxonomies.data} />
              <ActionButton
                label={t('Remove template')}
                method="DELETE"
                path={`/api/incident-templates/${tpl.id}`}
                invalidates={[['templates']]}
                confirm={t('Remove the template “{name}”? Incidents opened from it keep their tasks.', { name: tpl.name })}
              />
            </>
          ) : (
            <ul>
              {tpl.tasks.map((task) => (
                <li key={task.title}>{task.title}</li>
              ))}
            </ul>
          )}
        </details>
      ))}
      {pager(templates.data?.next)}
      {canManage && (
        <>
          <h2>{t('New template')}</h2>
          <TemplateForm taxonomies={taxonomies.data} />
        </>
      )}
    </section>
  );
}

function TemplateForm({ template: tpl, taxonomies }: { template?: Template; taxonomies: Taxonomies | undefined }) {
  const t = useT();
  return (
    <ActionForm
      label={tpl ? t('Save template') : t('Add template')}
      method={tpl ? 'PUT' : 'POST'}
      path={tpl ? `/api/incident-templates/${tpl.id}` : '/api/incident-templates'}
      {...(tpl ? { headers: { 'if-match': `"${tpl.version}"` } } : {})}
      invalidates={[['templates']]}
      fieldLabels={{ tasks: t('Tasks'), rsitClass: t('RSIT class / type'), rsitType: t('RSIT class / type') }}
      toBody={(f) => {
        const [rsitClass = '', rsitType] = text(f, 'rsit').split('/');
        return {
          name: text(f, 'name'),
          rsitClass,
          rsitType: rsitType || null,
          priority: text(f, 'priority'),
          tlp: text(f, 'tlp'),
          tasks: tasksFrom(String(f.get('tasks') ?? '')),
        };
      }}
    >
      <TextInput label={t('Name')} name="name" defaultValue={tpl?.name ?? ''} />
      <NativeSelect label={t('RSIT class / type')} name="rsit" defaultValue={tpl ? `${tpl.rsitClass}/${tpl.rsitType ?? ''}` : ''}>
        <option value="">{t('(choose)')}</option>
        <RsitOptions rsit={taxonomies?.rsit ?? []} anyType={` (${t('any type')})`} />
      </NativeSelect>
      <NativeSelect label={t('Default priority')} name="priority" defaultValue={tpl?.priority ?? 'normal'}>
        {taxonomies?.priorities.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </NativeSelect>
      <TlpSelect label={t('Default TLP')} defaultValue={tpl?.tlp ?? 'AMBER'} unset={t('(choose)')} />
      <Textarea
        label={t('Tasks, one per line (“Isolate the host | 1” is due 1 working hour after it is added)')}
        name="tasks"
        rows={5}
        defaultValue={tpl ? tasksAsText(tpl.tasks) : ''}
      />
    </ActionForm>
  );
}
