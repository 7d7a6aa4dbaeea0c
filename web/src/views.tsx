import { Checkbox, NativeSelect, TextInput } from '@mantine/core';
/** A list's saved views: open one, keep the filters shown under a name (for me or the team), remove my own. */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from './api';
import { ActionButton, ActionForm, ErrorText, text } from './components';
import { useT } from './i18n';

type View = Answer<'/api/saved-views'>[number];

export function SavedViews({
  list,
  path,
  query,
  navigate,
}: {
  list: View['list'];
  path: string;
  /** The filters shown now, without the page's cursor. */
  query: URLSearchParams;
  navigate: (to: string) => void;
}) {
  const t = useT();
  const key = ['saved-views', list];
  const views = useQuery({ queryKey: key, queryFn: () => api<View[]>('GET', `/api/saved-views?list=${list}`) });
  const current = views.data?.find((v) => v.query === query.toString());
  return (
    <div className="saved-views" role="group" aria-label={t('Saved views')}>
      <ErrorText error={views.error} />
      <NativeSelect
        label={t('Saved view')}
        value={current?.id ?? ''}
        onChange={(e) => navigate(`${path}?${views.data?.find((v) => v.id === e.target.value)?.query ?? ''}`)}
      >
        <option value="">{views.data?.length ? t('(choose)') : t('(none yet)')}</option>
        {views.data?.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
            {v.shared ? (v.mine ? ` (${t('shared')})` : ` (${v.owner})`) : ''}
          </option>
        ))}
      </NativeSelect>
      {current?.mine && (
        <ActionButton
          label={t('Remove view “{name}”', { name: current.name })}
          method="DELETE"
          path={`/api/saved-views/${current.id}`}
          invalidates={[key]}
          confirm={t('Remove the saved view “{name}”?', { name: current.name })}
        />
      )}
      {!current && query.size > 0 && (
        <details>
          <summary>{t('Save these filters as a view')}</summary>
          <ActionForm
            label={t('Save view')}
            path="/api/saved-views"
            invalidates={[key]}
            toBody={(f) => ({ list, name: text(f, 'name'), query: query.toString(), shared: f.get('shared') === 'on' })}
          >
            <TextInput label={t('Name of the view')} name="name" />
            <Checkbox label={t('for the whole team')} name="shared" my="xs" />
          </ActionForm>
        </details>
      )}
    </div>
  );
}
