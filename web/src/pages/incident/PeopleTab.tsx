import { NativeSelect, TextInput } from '@mantine/core';
/** Participants, and which items each one outside the team may see (the egress gate still decides every read). */
import { ActionButton, ActionForm, optional, text } from '../../components';
import { ItemTable } from './ItemTable';
import { s, type Detail, type TabProps } from './model';
import { useT } from '../../i18n';

/** Every item of the incident that can be shared, as the share API names it, with words to recognise it by. */
function shareable(d: Detail): Array<{ kind: string; id: string; label: string; tlp: string }> {
  const of = (kind: string, rows: Detail['tasks'], label: (r: Detail['tasks'][number]) => string) =>
    rows.map((r) => ({ kind, id: r.id, label: `${kind}: ${label(r)}`.slice(0, 90), tlp: r.tlp }));
  return [
    ...of('report', d.reports, (r) => `#${r.id} ${s(r.subject)}`),
    ...of('task', d.tasks, (r) => s(r.title)),
    ...of('investigation', d.investigations, (r) => s(r.title)),
    ...of('countermeasure', d.countermeasures, (r) => `${s(r.kind)} ${s(r.target)}`),
    ...of('timeline', d.timeline, (r) => s(r.summary)),
    ...of('observable', d.observables, (r) => s(r.value)),
    ...of('asset', d.assets, (r) => s(r.name)),
    ...of('evidence', d.evidence, (r) => s(r.item)),
    ...d.notes.map((n) => ({ kind: 'note', id: n.id, label: `note: ${n.body}`.slice(0, 90), tlp: n.tlp })),
  ];
}

export function PeopleTab({ props }: { props: TabProps }) {
  const { detail: d, write, refresh, base, taxonomies } = props;
  const t = useT();
  const outsiders = d.participants.filter((p) => p.role !== 'team-member');
  const items = shareable(d);
  const labelOf = (kind: string, id: string) => items.find((i) => i.kind === kind && i.id === id)?.label ?? `${kind} ${id}`;
  return (
    <>
      <h2>{t('Participants')}</h2>
      <ItemTable
        name="people"
        title={t('People')}
        rows={d.participants.map((p) => ({ ...p, tlp: d.incident.tlp }))}
        columns={[
          [t('Name'), (r) => s(r.name)],
          [t('E-mail'), (r) => s(r.email)],
          [t('Role'), (r) => s(r.role)],
          [t('Shared with them'), (r) => d.shares.filter((x) => x.participant_id === r.id).length || '—'],
        ]}
        actions={(r) =>
          write && <ActionButton label={t('Remove')} method="DELETE" path={`/api/participants/${r.id}`} invalidates={refresh} />
        }
      />
      {write && (
        <ActionForm
          label={t('Add participant')}
          path={`${base}/participants`}
          invalidates={refresh}
          toBody={(f) => ({ name: text(f, 'name'), email: optional(f, 'email'), role: text(f, 'role') })}
        >
          <TextInput label={t('Name')} name="name" />
          <TextInput label={t('E-mail')} name="email" type="email" />
          <NativeSelect label={t('Role')} name="role">
            {taxonomies?.participantRoles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </NativeSelect>
        </ActionForm>
      )}

      <h2>{t('Shares')}</h2>
      {outsiders.length === 0 ? (
        <p className="muted">{t('Nobody outside the team takes part yet: add a participant to share items with them.')}</p>
      ) : (
        outsiders.map((p) => {
          const theirs = d.shares.filter((x) => x.participant_id === p.id);
          return (
            <section key={p.id} aria-label={t('Shared with {name}', { name: s(p.name) })}>
              <h3>
                {s(p.name)} ({s(p.role)})
              </h3>
              {theirs.length === 0 ? (
                <p className="muted">{t('Nothing shared.')}</p>
              ) : (
                <ul>
                  {theirs.map((x) => (
                    <li key={`${x.item_kind}:${x.item_id}`}>
                      {labelOf(x.item_kind, x.item_id)}{' '}
                      {write && (
                        <ActionButton
                          label={t('Stop sharing')}
                          method="DELETE"
                          path={`${base}/shares`}
                          body={{ kind: x.item_kind, itemId: x.item_id, participantId: p.id }}
                          invalidates={refresh}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
      {write && outsiders.length > 0 && items.length > 0 && (
        <ActionForm
          label={t('Share')}
          path={`${base}/shares`}
          invalidates={refresh}
          toBody={(f) => {
            const [kind, itemId] = text(f, 'item').split(' ');
            return { kind, itemId, participantId: text(f, 'participantId') };
          }}
        >
          <NativeSelect label={t('Item')} name="item">
            {items.map((i) => (
              <option key={`${i.kind}:${i.id}`} value={`${i.kind} ${i.id}`}>
                {i.label} (TLP:{i.tlp})
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('With')} name="participantId">
            {outsiders.map((p) => (
              <option key={p.id} value={p.id}>
                {s(p.name)} ({s(p.role)})
              </option>
            ))}
          </NativeSelect>
        </ActionForm>
      )}
    </>
  );
}
