/**
 * The lists' table, built on TanStack Table: columns are declared once per list, rows are ticked
 * for bulk actions through its row selection, and a column the server can order by has a header
 * button that switches the list's `sort=` (the order lives in the address, like every filter, and
 * the server sorts: a page is never sorted on its own). Some columns may be hidden, and the
 * choice is kept in this browser per list.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { Button, Checkbox, Popover, Stack, Table, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ScrollTable } from './components';
import { useT } from './i18n';

declare module '@tanstack/react-table' {
  // TData and TValue must be declared to merge with TanStack's interface, though these fields use neither.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The `sort=` values that order the list by this column ('' is the list's default order). */
    sort?: { descending?: string; ascending?: string };
    /** Offered in the "Columns" chooser: the column may be hidden. */
    optional?: boolean;
  }
}

export interface Selection<Row> {
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** The checkbox's accessible name for one row, and for all of them. */
  label: (row: Row) => string;
  allLabel: string;
}

interface DataTableProps<Row> {
  rows: Row[];
  // A list's columns hold values of different types; ColumnDef's TValue cannot be one type for all of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  rowId: (row: Row) => string;
  /** The list's name, for its test id and the kept column choice. */
  name: string;
  /** The list's `sort=` value now, and what to do when a header asks for another. */
  sort?: { current: string; onSort: (value: string) => void };
  selection?: Selection<Row>;
}

const hiddenKey = (name: string) => `vakt-columns-${name}`;

function keptHidden(name: string): VisibilityState {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(hiddenKey(name)) ?? '{}');
    return value && typeof value === 'object' ? (value as VisibilityState) : {};
  } catch {
    return {};
  }
}

export function DataTable<Row>({ rows, columns, rowId, name, sort, selection }: DataTableProps<Row>) {
  const t = useT();
  const [visibility, setVisibility] = useState<VisibilityState>(() => keptHidden(name));
  const sorting: SortingState = sortingOf(columns, sort?.current ?? '');
  const rowSelection: RowSelectionState = Object.fromEntries((selection?.selected ?? []).map((id) => [id, true]));
  const table = useReactTable({
    data: rows,
    columns: selection ? [selectColumn(selection), ...columns] : columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableRowSelection: Boolean(selection),
    state: { sorting, rowSelection, columnVisibility: visibility },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      selection?.onChange(Object.keys(next).filter((id) => next[id]));
    },
    onColumnVisibilityChange: (updater: Updater<VisibilityState>) => {
      const next = typeof updater === 'function' ? updater(visibility) : updater;
      window.localStorage.setItem(hiddenKey(name), JSON.stringify(next));
      setVisibility(next);
    },
  });
  const optional = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.optional);
  return (
    <>
      {optional.length > 0 && (
        <Popover position="bottom-start" shadow="md">
          <Popover.Target>
            <Button variant="subtle" size="compact-sm" my={4}>
              {t('Columns')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              {optional.map((column) => (
                <Checkbox
                  key={column.id}
                  label={String(column.columnDef.header)}
                  checked={column.getIsVisible()}
                  onChange={column.getToggleVisibilityHandler()}
                />
              ))}
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
      <ScrollTable data-testid={name}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const order = header.column.columnDef.meta?.sort;
                const sorted = header.column.getIsSorted();
                const content = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {order && sort ? (
                      <UnstyledButton className="sort-header" fw={700} onClick={() => sort.onSort(nextSort(order, sorted))}>
                        {content}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ⇅'}</span>
                      </UnstyledButton>
                    ) : (
                      content
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id} className={row.getIsSelected() ? 'selected' : undefined}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}

/** The column whose sort= value is the current one, and in which direction. */
function sortingOf<Row>(columns: ReadonlyArray<ColumnDef<Row, unknown>>, current: string): SortingState {
  for (const column of columns) {
    const order = column.meta?.sort;
    const id = column.id ?? ('accessorKey' in column ? String(column.accessorKey) : undefined);
    if (!order || !id) continue;
    if (order.descending === current) return [{ id, desc: true }];
    if (order.ascending === current) return [{ id, desc: false }];
  }
  return [];
}

/** A click on a sortable header: its first order; on the order shown, the other direction, or back to the list's default. */
function nextSort(order: { descending?: string; ascending?: string }, sorted: false | 'asc' | 'desc'): string {
  if (sorted === 'desc') return order.ascending ?? '';
  if (sorted === 'asc') return order.descending ?? '';
  return order.descending ?? order.ascending ?? '';
}

function selectColumn<Row>(selection: Selection<Row>): ColumnDef<Row, unknown> {
  return {
    id: 'select',
    header: ({ table }) => (
      <Checkbox
        aria-label={selection.allLabel}
        checked={table.getIsAllRowsSelected()}
        indeterminate={table.getIsSomeRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <Checkbox aria-label={selection.label(row.original)} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
    ),
  };
}
