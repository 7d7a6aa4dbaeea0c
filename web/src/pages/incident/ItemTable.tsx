import type { ReactNode } from 'react';
import { TlpBadge } from '../../components';
import { DataTable } from '../../data-table';
import type { Item } from './model';
import { useT } from '../../i18n';

/** One kind of item on an incident, with its TLP label and what may be done to each. */
export function ItemTable({
  name,
  title,
  rows,
  columns,
  actions,
}: {
  /** Names the table for tests and links whatever the language. */
  name: string;
  title: string;
  rows: Item[];
  columns: Array<[string, (row: Item) => ReactNode]>;
  actions?: (row: Item) => ReactNode;
}) {
  const t = useT();
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('None.')}</p>
      ) : (
        <DataTable
          name={`table-${name}`}
          rows={rows}
          rowId={(row) => row.id}
          columns={[
            ...columns.map(([header, cell]) => ({
              id: header,
              header,
              cell: ({ row }: { row: { original: Item } }) => cell(row.original),
            })),
            { id: 'tlp', header: 'TLP', cell: ({ row }: { row: { original: Item } }) => <TlpBadge tlp={row.original.tlp} /> },
            ...(actions ? [{ id: 'actions', header: '', cell: ({ row }: { row: { original: Item } }) => actions(row.original) }] : []),
          ]}
        />
      )}
    </>
  );
}
