/** The timeline: what happened when, Vakt's own entries and the team's. */
import { ActionForm, TlpSelect, text, when } from '../../components';
import { ItemTable } from './ItemTable';
import { s, type TabProps } from './model';

const KINDS = ['observation', 'detection', 'action', 'communication', 'decision'] as const;

export function TimelineTab({ props }: { props: TabProps }) {
  const { detail: d, write, refresh, base } = props;
  return (
    <>
      <h2>Timeline</h2>
      <ItemTable
        title="Events"
        rows={d.timeline}
        columns={[
          ['When', (r) => when(r.occurred_at as string)],
          ['Kind', (r) => s(r.kind)],
          ['What', (r) => s(r.summary)],
        ]}
      />
      {write && (
        <ActionForm
          label="Add event"
          path={`${base}/timeline`}
          invalidates={refresh}
          toBody={(f) => ({
            occurredAt: new Date(text(f, 'at') || Date.now()).toISOString(),
            summary: text(f, 'summary'),
            kind: text(f, 'kind'),
            ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}),
          })}
        >
          <label>
            When
            <input name="at" type="datetime-local" />
          </label>
          <label>
            Kind
            <select name="kind" defaultValue="observation">
              {KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            What happened
            <input name="summary" />
          </label>
          <TlpSelect label="TLP of this entry" />
        </ActionForm>
      )}
    </>
  );
}
