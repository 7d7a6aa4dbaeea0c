import type { ReactNode } from 'react';
import { ScrollTable, TlpBadge } from '../../components';
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
        <ScrollTable data-testid={`table-${name}`}>
          <thead>
            <tr>
              {columns.map(([name]) => (
                <th key={name}>{name}</th>
              ))}
              <th>TLP</th>
              {actions && <th />}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map(([name, cell]) => (
                  <td key={name}>{cell(row)}</td>
                ))}
                <td>
                  <TlpBadge tlp={row.tlp} />
                </td>
                {actions && <td>{actions(row)}</td>}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}
