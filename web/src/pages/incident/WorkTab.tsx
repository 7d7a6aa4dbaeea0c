import { NativeSelect, TextInput } from '@mantine/core';
/** Tasks (with owners and notes), investigations and countermeasures. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { ActionButton, ActionForm, ErrorText, MemberOptions, text, when } from '../../components';
import { ItemTable } from './ItemTable';
import { nameOf, s, type TabProps } from './model';
import { Notes } from './Notes';
import { useT } from '../../i18n';

const NEXT_STATE: Record<string, string | undefined> = {
  'pending-activation': 'active',
  active: 'pending-removal',
  'pending-removal': 'removed',
};

export function WorkTab({ props, me }: { props: TabProps; me: string }) {
  const { detail: d, write, refresh, base, members } = props;
  const t = useT();
  return (
    <>
      <h2>{t('Work')}</h2>
      <ItemTable
        name="tasks"
        title={t('Tasks')}
        rows={d.tasks}
        columns={[
          [t('Task'), (r) => s(r.title)],
          [
            t('Owner'),
            (r) =>
              write ? <OwnerSelect taskId={r.id} title={s(r.title)} owner={s(r.owner_id)} props={props} /> : nameOf(members, r.owner_id),
          ],
          [t('Status'), (r) => s(r.status)],
          [t('Due'), (r) => when(r.due_at as string | null)],
        ]}
        actions={(r) =>
          write &&
          r.status === 'open' && (
            <ActionButton label={t('Done')} method="PATCH" path={`/api/tasks/${r.id}`} body={{ status: 'done' }} invalidates={refresh} />
          )
        }
      />
      {d.tasks.map((task) => (
        <details key={task.id} className="panel">
          <summary>
            {t('Notes on “{title}” ({count})', {
              title: s(task.title),
              count: String(d.notes.filter((n) => n.task_id === task.id).length),
            })}
          </summary>
          <Notes notes={d.notes} taskId={task.id} me={me} props={props} />
        </details>
      ))}
      {write && (
        <ActionForm
          label={t('Add task')}
          path={`${base}/tasks`}
          invalidates={refresh}
          toBody={(f) => ({
            title: text(f, 'title'),
            ...(text(f, 'ownerId') ? { ownerId: text(f, 'ownerId') } : {}),
            ...(text(f, 'due') ? { dueInWorkingMinutes: Number(text(f, 'due')) * 60 } : {}),
          })}
        >
          <TextInput label={t('Task')} name="title" />
          <NativeSelect label={t('Owner')} name="ownerId" defaultValue={me}>
            <MemberOptions members={members} />
          </NativeSelect>
          <TextInput label={t('Due in working hours')} name="due" type="number" min="0" step="0.5" />
        </ActionForm>
      )}
      <ItemTable
        name="investigations"
        title={t('Investigations')}
        rows={d.investigations}
        columns={[
          [t('Investigation'), (r) => s(r.title)],
          [t('With'), (r) => s(r.correspondent)],
          [t('Status'), (r) => s(r.status)],
        ]}
        actions={(r) =>
          write &&
          r.status === 'open' && (
            <ActionButton
              label={t('Resolve')}
              method="PATCH"
              path={`/api/investigations/${r.id}`}
              body={{ status: 'resolved' }}
              invalidates={refresh}
            />
          )
        }
      />
      {write && (
        <ActionForm
          label={t('Open investigation')}
          path={`${base}/investigations`}
          invalidates={refresh}
          toBody={(f) => ({ title: text(f, 'title'), correspondent: text(f, 'correspondent') })}
        >
          <TextInput label={t('Investigation')} name="title" />
          <TextInput label={t('Correspondent')} name="correspondent" />
        </ActionForm>
      )}
      <ItemTable
        name="countermeasures"
        title={t('Countermeasures')}
        rows={d.countermeasures}
        columns={[
          [t('Kind'), (r) => s(r.kind)],
          [t('Target'), (r) => s(r.target)],
          [t('State'), (r) => s(r.state)],
          [t('Notify on removal'), (r) => (r.notify_on_removal as string[]).join(', ')],
        ]}
        actions={(r) =>
          write &&
          NEXT_STATE[s(r.state)] && (
            <ActionButton
              label={`→ ${NEXT_STATE[s(r.state)]}`}
              path={`/api/countermeasures/${r.id}/advance`}
              body={{ to: NEXT_STATE[s(r.state)] }}
              invalidates={refresh}
            />
          )
        }
      />
      {write && (
        <ActionForm
          label={t('Add countermeasure')}
          path={`${base}/countermeasures`}
          invalidates={refresh}
          toBody={(f) => ({
            kind: text(f, 'kind'),
            target: text(f, 'target'),
            notifyOnRemoval: text(f, 'notify')
              .split(/[\s,]+/)
              .filter(Boolean),
          })}
        >
          <TextInput label={t('Kind')} name="kind" placeholder={t('firewall block, sinkhole, DNS takedown…')} />
          <TextInput label={t('Target')} name="target" />
          <TextInput label={t('Notify on removal (addresses)')} name="notify" />
        </ActionForm>
      )}
    </>
  );
}

/** A task's owner, changed where it is shown: choosing is saving. */
function OwnerSelect({ taskId, title, owner, props }: { taskId: string; title: string; owner: string; props: TabProps }) {
  const t = useT();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (ownerId: string) => api('PATCH', `/api/tasks/${taskId}`, { ownerId: ownerId || null }),
    onSuccess: async () => {
      for (const key of props.refresh) await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <>
      <NativeSelect
        aria-label={t('Owner of {title}', { title })}
        size="xs"
        value={owner}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.currentTarget.value)}
      >
        <MemberOptions members={props.members} />
      </NativeSelect>
      <ErrorText error={change.error} />
    </>
  );
}
