import { Anchor, Textarea } from '@mantine/core';
/** Notes in Markdown on an incident or one task: read rendered, written and corrected in place. */
import { useState } from 'react';
import { ActionForm, TlpBadge, TlpSelect, text, when } from '../../components';
import { Markdown } from '../../markdown';
import type { Note, TabProps } from './model';
import { useT } from '../../i18n';

export function Notes({
  notes,
  taskId,
  me,
  props: { write, refresh, base },
}: {
  notes: Note[];
  taskId?: string;
  me: string;
  props: TabProps;
}) {
  const t = useT();
  const shown = notes.filter((n) => n.task_id === (taskId ?? null));
  return (
    <div className="notes" data-testid={taskId ? `notes-${taskId}` : 'notes'}>
      {shown.length === 0 && <p className="muted">{taskId ? t('No notes on this task yet.') : t('No notes yet.')}</p>}
      {shown.map((n) => (
        <NoteView key={n.id} note={n} mine={write && n.created_by === `user:${me}`} refresh={refresh} />
      ))}
      {write && (
        <ActionForm
          label={taskId ? t('Add note to task') : t('Add note')}
          path={`${base}/notes`}
          invalidates={refresh}
          toBody={(f) => ({ body: text(f, 'body'), ...(taskId ? { taskId } : {}), ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}) })}
        >
          <Textarea label={t('Note (Markdown)')} name="body" rows={3} />
          <TlpSelect label={t('TLP of this note')} />
        </ActionForm>
      )}
    </div>
  );
}

function NoteView({ note, mine, refresh }: { note: Note; mine: boolean; refresh: TabProps['refresh'] }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  return (
    <article className="note" aria-label={t('Note by {author}', { author: note.author })}>
      <header className="muted">
        {note.author}, {when(note.created_at)}
        {note.edited_at && ` (${t('changed {at}', { at: when(note.edited_at) })})`} <TlpBadge tlp={note.tlp} />
        {mine && !editing && (
          <Anchor component="button" type="button" size="sm" mx={4} onClick={() => setEditing(true)}>
            {t('change')}
          </Anchor>
        )}
      </header>
      {editing ? (
        <ActionForm
          label={t('Save note')}
          method="PATCH"
          path={`/api/notes/${note.id}`}
          invalidates={refresh}
          toBody={(f) => ({ body: text(f, 'body') })}
          onDone={() => setEditing(false)}
        >
          <Textarea label={t('Note (Markdown)')} name="body" rows={4} defaultValue={note.body} />
        </ActionForm>
      ) : (
        <Markdown source={note.body} />
      )}
    </article>
  );
}
