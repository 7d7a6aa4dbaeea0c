import { NativeSelect, TextInput } from '@mantine/core';
/** The timeline: what happened when, Vakt's own entries and the team's. */
import { ActionForm, TlpSelect, text, when } from '../../components';
import { ItemTable } from './ItemTable';
import { s, type TabProps } from './model';
import { useT } from '../../i18n';

const KINDS = ['observation', 'detection', 'action', 'communication', 'decision'] as const;

export function TimelineTab({ props }: { props: TabProps }) {
  const { detail: d, write, refresh, base } = props;
  const t = useT();
  return (
    <>
      <h2>{t('Timeline')}</h2>
      <ItemTable
        name="events"
        title={t('Events')}
        rows={d.timeline}
        columns={[
          [t('When'), (r) => when(r.occurred_at as string)],
          [t('Kind'), (r) => s(r.kind)],
          [t('What'), (r) => s(r.summary)],
        ]}
      />
      {write && (
        <ActionForm
          label={t('Add event')}
          path={`${base}/timeline`}
          invalidates={refresh}
          toBody={(f) => ({
            occurredAt: new Date(text(f, 'at') || Date.now()).toISOString(),
            summary: text(f, 'summary'),
            kind: text(f, 'kind'),
            ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}),
          })}
        >
          <TextInput label={t('When')} name="at" type="datetime-local" />
          <NativeSelect label={t('Kind')} name="kind" defaultValue="observation">
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </NativeSelect>
          <TextInput label={t('What happened')} name="summary" />
          <TlpSelect label={t('TLP of this entry')} />
        </ActionForm>
      )}
    </>
  );
}
