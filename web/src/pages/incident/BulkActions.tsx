import { NativeSelect, TextInput } from '@mantine/core';
/**
 * What can be done to the incidents ticked in the list, all or none (POST /api/incidents/bulk),
 * and the list as shown, as a CSV file named with the most restrictive TLP label in it.
 */
import type { ReactNode } from 'react';
import { csvDocument } from '../../../../src/core/csv';
import { mostRestrictive, type TlpLabel } from '../../../../src/core/tlp';
import { ActionForm, MemberOptions, text } from '../../components';
import type { IncidentRow } from './model';
import { useT } from '../../i18n';

const COLUMNS: Array<[string, (i: IncidentRow) => string]> = [
  ['id', (i) => i.id],
  ['title', (i) => i.title],
  ['phase', (i) => i.phase],
  ['priority', (i) => i.priority],
  ['tlp', (i) => i.tlp],
  ['rsit_class', (i) => i.rsit_class ?? ''],
  ['opened_at', (i) => i.opened_at],
  ['sla_breached', (i) => (i.sla ? String(i.sla.breached) : '')],
];

/** The rows as RFC 4180 CSV, through the server's own writer: formulas a spreadsheet would run are disarmed. */
export function incidentsCsv(rows: readonly IncidentRow[]): string {
  return csvDocument(
    COLUMNS.map(([name]) => name),
    rows.map((r) => COLUMNS.map(([, get]) => get(r))),
  );
}

export function downloadCsv(rows: readonly IncidentRow[]): void {
  const label = rows.reduce<TlpLabel>((worst, r) => mostRestrictive(worst, r.tlp as TlpLabel), 'CLEAR');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([incidentsCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  link.download = `incidents-TLP-${label.replace('+', '-')}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function BulkActions({
  selected,
  members,
  priorities,
  onDone,
}: {
  selected: readonly string[];
  members: Array<{ id: string; name: string }>;
  priorities: readonly string[];
  onDone: () => void;
}) {
  const t = useT();
  if (selected.length === 0) return <p className="muted">{t('Tick incidents to change several at once.')}</p>;
  const form = (label: string, change: (f: FormData) => Record<string, unknown>, fields: ReactNode) => (
    <ActionForm
      label={label}
      path="/api/incidents/bulk"
      invalidates={[['incidents']]}
      onDone={onDone}
      fieldLabels={{ ids: t('Ticked incident') }}
      toBody={(f) => ({ ids: selected, change: change(f) })}
    >
      {fields}
    </ActionForm>
  );
  return (
    <div className="panel bulk" role="group" aria-label={t('Change the ticked incidents')}>
      <p>{t('{count} ticked: each change applies to all of them, or, if one refuses, to none.', { count: String(selected.length) })}</p>
      {form(
        t('Set manager'),
        (f) => ({ managerId: text(f, 'managerId') || null }),
        <NativeSelect label={t('Incident manager')} name="managerId">
          <MemberOptions members={members} />
        </NativeSelect>,
      )}
      {form(
        t('Set priority'),
        (f) => ({ priority: text(f, 'priority'), ...(text(f, 'priorityReason') ? { priorityReason: text(f, 'priorityReason') } : {}) }),
        <>
          <NativeSelect label={t('Priority')} name="priority">
            {priorities.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </NativeSelect>
          <TextInput label={t('Reason for the priority')} name="priorityReason" />
        </>,
      )}
      {form(t('Close'), () => ({ phase: 'closed' }), null)}
    </div>
  );
}
