/**
 * The team's incident templates, one per RSIT type (or class): the tasks such an incident always
 * needs, its default priority and TLP. Everyone on the team reads them; incident managers and
 * admins change them. Tasks are written one per line, a due time in working hours after a "|".
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../api';
import { ActionButton, ActionForm, ErrorText, RsitOptions, TlpSelect, text } from '../components';
import type { Taxonomies } from './incident/model';

type Template = Answer<'/api/incident-templates'>[number];

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
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => api<Template[]>('GET', '/api/incident-templates') });
  const taxonomies = useQuery({ queryKey: ['taxonomies'], queryFn: () => api<Taxonomies>('GET', '/api/taxonomies') });
  return (
    <section>
      <h1>Incident templates</h1>
      <p>An incident opened or classified with one of these RSIT types starts with its tasks; a new one also with its priority and TLP.</p>
      <ErrorText error={templates.error} />
      {templates.data?.length === 0 && <p>No template yet{canManage ? ': add the first below' : ''}.</p>}
      {templates.data?.map((t) => (
        <details key={`${t.id}-${t.version}`} className="panel">
          <summary>
            {t.name} — {t.rsitClass}
            {t.rsitType ? ` / ${t.rsitType}` : ' (any type)'} · {t.priority} · TLP:{t.tlp} · {t.tasks.length} task(s)
          </summary>
          {canManage ? (
            <>
              <TemplateForm template={t} taxonomies={taxonomies.data} />
              <ActionButton
                label="Remove template"
                method="DELETE"
                path={`/api/incident-templates/${t.id}`}
                invalidates={[['templates']]}
                confirm={`Remove the template “${t.name}”? Incidents opened from it keep their tasks.`}
              />
            </>
          ) : (
            <ul>
              {t.tasks.map((task) => (
                <li key={task.title}>{task.title}</li>
              ))}
            </ul>
          )}
        </details>
      ))}
      {canManage && (
        <>
          <h2>New template</h2>
          <TemplateForm taxonomies={taxonomies.data} />
        </>
      )}
    </section>
  );
}

function TemplateForm({ template: t, taxonomies }: { template?: Template; taxonomies: Taxonomies | undefined }) {
  return (
    <ActionForm
      label={t ? 'Save template' : 'Add template'}
      method={t ? 'PUT' : 'POST'}
      path={t ? `/api/incident-templates/${t.id}` : '/api/incident-templates'}
      {...(t ? { headers: { 'if-match': `"${t.version}"` } } : {})}
      invalidates={[['templates']]}
      fieldLabels={{ tasks: 'Tasks', rsitClass: 'RSIT class / type', rsitType: 'RSIT class / type' }}
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
      <label>
        Name
        <input name="name" defaultValue={t?.name ?? ''} />
      </label>
      <label>
        RSIT class / type
        <select name="rsit" defaultValue={t ? `${t.rsitClass}/${t.rsitType ?? ''}` : ''}>
          <option value="">(choose)</option>
          <RsitOptions rsit={taxonomies?.rsit ?? []} anyType=" (any type)" />
        </select>
      </label>
      <label>
        Default priority
        <select name="priority" defaultValue={t?.priority ?? 'normal'}>
          {taxonomies?.priorities.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <TlpSelect label="Default TLP" defaultValue={t?.tlp ?? 'AMBER'} unset="(choose)" />
      <label>
        Tasks, one per line (“Isolate the host | 1” is due 1 working hour after it is added)
        <textarea name="tasks" rows={5} defaultValue={t ? tasksAsText(t.tasks) : ''} />
      </label>
    </ActionForm>
  );
}
