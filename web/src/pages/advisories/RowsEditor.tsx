/**
 * A list of small records edited in place — an advisory's references, acknowledgments, a
 * vulnerability's threats: a row of fields each, a button to add one and one to remove each.
 * Each field's name carries its row's number, so every input has a name of its own.
 */
import { Button, Fieldset, Group, NativeSelect, TextInput } from '@mantine/core';
import { useT } from '../../i18n';
import type { ReferenceRow } from './draft';

export interface RowField<R> {
  key: keyof R & string;
  /** The field's name in row N, already translated. */
  label: (n: number) => string;
  /** A choice among these instead of free text. */
  options?: ReadonlyArray<{ value: string; label: string }>;
}

export function RowsEditor<R extends Record<string, unknown>>({
  legend,
  rows,
  fields,
  empty,
  onChange,
  error,
  addLabel,
  removeLabel,
}: {
  legend: string;
  addLabel: string;
  removeLabel: (n: number) => string;
  rows: readonly R[];
  fields: ReadonlyArray<RowField<R>>;
  empty: () => R;
  onChange: (rows: R[]) => void;
  error?: string | undefined;
}) {
  const setField = (i: number, key: keyof R, value: string) => onChange(rows.map((r, n) => (n === i ? { ...r, [key]: value } : r)));
  return (
    <Fieldset legend={legend} my="xs">
      {rows.map((row, i) => (
        <Group key={i} align="end" gap="xs" wrap="wrap">
          {fields.map((f) =>
            f.options ? (
              <NativeSelect
                key={f.key}
                label={f.label(i + 1)}
                value={String(row[f.key] ?? '')}
                data={[...f.options]}
                onChange={(e) => setField(i, f.key, e.currentTarget.value)}
              />
            ) : (
              <TextInput
                key={f.key}
                label={f.label(i + 1)}
                value={String(row[f.key] ?? '')}
                onChange={(e) => setField(i, f.key, e.currentTarget.value)}
                style={{ flex: 1, minWidth: '12rem' }}
              />
            ),
          )}
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(rows.filter((_, n) => n !== i))}>
            {removeLabel(i + 1)}
          </Button>
        </Group>
      ))}
      {error && <p className="bad">{error}</p>}
      <Button variant="default" size="compact-sm" mt="xs" onClick={() => onChange([...rows, empty()])}>
        {addLabel}
      </Button>
    </Fieldset>
  );
}

/** Links to read more, of the whole advisory or of one vulnerability. */
export function References({
  rows,
  onChange,
  error,
}: {
  rows: ReferenceRow[];
  onChange: (rows: ReferenceRow[]) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <RowsEditor
      legend={t('References')}
      rows={rows}
      fields={[
        { key: 'url', label: (n) => t('Reference {n}: link', { n }) },
        { key: 'summary', label: (n) => t('Reference {n}: what it is', { n }) },
      ]}
      empty={() => ({ url: '', summary: '' })}
      onChange={onChange}
      error={error}
      addLabel={t('Add a reference')}
      removeLabel={(n) => t('Remove reference {n}', { n })}
    />
  );
}
