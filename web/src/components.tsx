/** Small pieces the incident-loop pages share: labels, timers, forms that post and show errors. */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { Button, Group, NativeSelect, Table, Tabs as MantineTabs, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode, type TableHTMLAttributes } from 'react';
import { api, ApiError, type FieldIssue } from './api';
import { useT } from './i18n';
import { TLP_LABELS } from '../../src/core/tlp';

export function TlpBadge({ tlp }: { tlp: string }) {
  return <span className={`tlp tlp-${tlp.toLowerCase().replace('+', '-')}`}>TLP:{tlp}</span>;
}

export interface Timer {
  dueAt: string;
  doneAt: string | null;
  state: 'met' | 'breached' | 'running' | 'overdue';
  workingMinutes: number;
  targetMinutes: number;
}

export function minutes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const h = Math.floor(value / 60);
  return h > 0 ? `${h} h ${value % 60} min` : `${value} min`;
}

export function SlaBadge({ name, timer }: { name: string; timer: Timer }) {
  const text =
    timer.state === 'running'
      ? `due ${when(timer.dueAt)}`
      : timer.state === 'overdue'
        ? `overdue since ${when(timer.dueAt)}`
        : `${timer.state} (${minutes(timer.workingMinutes)})`;
  return (
    <span className={`sla sla-${timer.state}`} title={`${name}: target ${minutes(timer.targetMinutes)} of working time`}>
      {name}: {text}
    </span>
  );
}

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' }) : '—';
}

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Text role="alert" className="bad" my="sm">
      {error instanceof Error ? error.message : String(error)}
    </Text>
  );
}

/**
 * A form that sends its fields to the API and refreshes the queries it changes. The body is
 * built by `toBody` from the form's named fields; problems appear next to the form.
 */
export function ActionForm({
  label,
  method = 'POST',
  path,
  toBody,
  invalidates,
  onDone,
  children,
  headers,
  fieldLabels = {},
  pathFrom,
}: {
  label: string;
  method?: string;
  path: string;
  toBody: (form: FormData) => unknown;
  invalidates: QueryKey[];
  onDone?: (result: unknown) => void;
  children: ReactNode;
  headers?: Record<string, string>;
  /** Labels for fields that have no input of their own name (a list edited row by row). */
  fieldLabels?: Record<string, string>;
  /** Where to send it when the address depends on what is typed (a new record named in its path). */
  pathFrom?: ((form: FormData) => string) | undefined;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const mutation = useMutation({
    mutationFn: ({ body, to }: { body: unknown; to: string }) => api<unknown>(method, to, body, headers),
    onSuccess: async (result) => {
      for (const key of invalidates) await queryClient.invalidateQueries({ queryKey: key });
      // React Query hands refreshed data to the page in a task of its own: draw the form again after
      // that, so that its fields start from the record as it is now, not as it was before the save.
      await new Promise((resolve) => setTimeout(resolve, 0));
      setFormKey((k) => k + 1);
      confirmDone(t('Done: {action}', { action: label }), t('Close'));
      onDone?.(result);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ body: toBody(form), to: pathFrom ? pathFrom(form) : path });
  };
  const issues = mutation.error instanceof ApiError ? mutation.error.issues : [];
  return (
    // Drawn as every other action form is, by the stylesheet's .action-form.
    <form key={formKey} ref={setForm} onSubmit={submit} className="action-form" aria-label={label}>
      {children}
      <Button type="submit" mt="xs" loading={mutation.isPending}>
        {label}
      </Button>
      {mutation.error && (
        <div role="alert" className={issues.length > 0 ? 'field-error' : undefined}>
          {leadOf(mutation.error.message, issues) && <p>{leadOf(mutation.error.message, issues)}</p>}
          {issues.length > 0 && (
            <>
              <p>{issues.length === 1 ? t('One field needs a change:') : t('{count} fields need a change:', { count: issues.length })}</p>
              <ul>
                {issues.map((i) => (
                  <li key={`${i.field} ${i.reason}`}>
                    {fieldLabel(i.field, form, fieldLabels)}: {i.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}

/** A problem's message without its restatement of the first field issue (listed below it by label). */
function leadOf(message: string, issues: readonly FieldIssue[]): string {
  const first = issues[0];
  const restated = first ? `${first.field}: ${first.reason}` : '';
  return restated && message.endsWith(restated) ? message.slice(0, -restated.length).replace(/:\s*$/, '') : message;
}

/**
 * How a field the API names ("contacts[0].email") reads on screen: the label of the form's input
 * of that name, else the label given, with list positions counted from 1 ("Contacts 1 › email").
 */
export function fieldLabel(field: string, form: HTMLFormElement | null, labels: Record<string, string>): string {
  const [, head = field, rest = ''] = /^([^.[]+)(.*)$/.exec(field) ?? [];
  const input = form?.elements.namedItem(head);
  const labelled =
    input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement
      ? input.labels?.[0]
      : undefined;
  // The label's own words, without the options of a select inside it or a hint in brackets.
  const own = labelled
    ? [...labelled.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join(' ')
    : '';
  const name = labels[head] ?? (own.split('(')[0]!.trim() || head);
  return name + rest.replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1}`).replace(/\./g, ' › ');
}

/**
 * A passing word that an action went through (Mantine's notifications), announced politely: a
 * status, not an alert, so that a screen reader is not interrupted and errors stay the only alerts.
 */
export function confirmDone(message: string, close: string): void {
  notifications.show({ message, color: 'green', role: 'status', withBorder: true, closeButtonProps: { 'aria-label': close } });
}

/** A button that does one thing and refreshes. */
export function ActionButton({
  label,
  method = 'POST',
  path,
  body,
  invalidates,
  confirm,
  onDone,
}: {
  label: string;
  method?: string;
  path: string;
  body?: unknown;
  invalidates: QueryKey[];
  confirm?: string;
  /** Runs before the refresh: a page that deleted what it shows leaves first. */
  onDone?: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api<unknown>(method, path, body),
    onSuccess: async () => {
      onDone?.();
      for (const key of invalidates) await queryClient.invalidateQueries({ queryKey: key });
      confirmDone(t('Done: {action}', { action: label }), t('Close'));
    },
  });
  return (
    <span className="action-button">
      <Button
        variant="default"
        size="compact-sm"
        loading={mutation.isPending}
        onClick={() => (!confirm || window.confirm(confirm)) && mutation.mutate()}
      >
        {label}
      </Button>
      {mutation.error && <span role="alert"> {mutation.error.message}</span>}
    </span>
  );
}

export const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
export const optional = (form: FormData, name: string): string | undefined => text(form, name) || undefined;

// The server's list, not a copy (src/core/tlp has no dependency the bundle would mind).
export const TLPS = TLP_LABELS;

export function TlpSelect({
  name = 'tlp',
  label,
  defaultValue = '',
  unset = "(the incident's)",
}: {
  name?: string;
  label?: string;
  defaultValue?: string;
  unset?: string;
}) {
  const t = useT();
  return (
    <NativeSelect
      label={label ?? t('TLP')}
      name={name}
      defaultValue={defaultValue}
      my="xs"
      data={[{ value: '', label: unset }, ...TLPS.map((tlp) => ({ value: tlp, label: `TLP:${tlp}` }))]}
    />
  );
}

export function Link({ to, navigate, children }: { to: string; navigate: (path: string) => void; children: ReactNode }) {
  return (
    <a
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/**
 * A row of tabs and the panel of the one chosen (Mantine's tabs: the WAI-ARIA pattern, with the
 * arrow keys, Home and End). The tab lives in the address, so only the chosen panel is drawn.
 */
export function Tabs<T extends string>({
  tabs,
  current,
  onSelect,
  children,
}: {
  tabs: ReadonlyArray<readonly [T, string]>;
  current: T;
  onSelect: (tab: T) => void;
  children: ReactNode;
}) {
  return (
    <MantineTabs value={current} onChange={(value) => value && onSelect(value as T)} keepMounted={false} my="md">
      <MantineTabs.List>
        {tabs.map(([name, label]) => (
          <MantineTabs.Tab key={name} value={name}>
            {label}
          </MantineTabs.Tab>
        ))}
      </MantineTabs.List>
      <MantineTabs.Panel value={current} pt="md">
        {children}
      </MantineTabs.Panel>
    </MantineTabs>
  );
}

/**
 * A table in a box that scrolls sideways when the table is wider than the screen (a phone), and
 * can be focused so that the keyboard scrolls it too.
 */
export function ScrollTable({ children, ...props }: TableHTMLAttributes<HTMLTableElement> & { 'data-testid'?: string }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table highlightOnHover {...props}>
        {children}
      </Table>
    </div>
  );
}

/** The parameters of SEARCH among NAMES that are set: a page's filters, taken from the address. */
export function pickParams(search: URLSearchParams, names: readonly string[]): URLSearchParams {
  return new URLSearchParams(names.flatMap((name) => (search.get(name) ? [[name, search.get(name)!]] : [])));
}

/** PATH with PARAMS changed by CHANGE (an empty value removes the parameter): where a filter leads. */
export function addressWith(path: string, params: URLSearchParams, change: Record<string, string>): string {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(change)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next.size > 0 ? `${path}?${next}` : path;
}

/**
 * A list's filters: words in a search box, looked for on Enter, and the choices given as children
 * (each applies as it is chosen). Both change the address; the list follows it.
 */
export function FilterForm({
  label,
  words,
  onWords,
  children,
}: {
  label: string;
  words: { label: string; placeholder: string; value: string };
  onWords: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <form
      className="filters"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onWords(text(new FormData(e.currentTarget), 'q'));
      }}
    >
      <TextInput
        label={words.label}
        type="search"
        name="q"
        key={words.value}
        defaultValue={words.value}
        placeholder={words.placeholder}
        className="filter"
      />
      {children}
    </form>
  );
}

/** A filter of a list as a choice; choosing changes the address (the list follows it). */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** [value, words]; a value of '' is "no filter". */
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={options.map(([v, words]) => ({ value: v, label: words }))}
      className="filter"
    />
  );
}

/** "← Newest" and "Older →" for a list paged by a cursor in the address. */
/**
 * Paging by cursor for a list that is a section of a page (not the page's own list, whose cursor
 * lives in the address): the cursors gone through, so "newer" steps back one page at a time.
 */
export function useSectionPages(pageSize: number) {
  const t = useT();
  const [cursors, setCursors] = useState<string[]>([]);
  const pager = (rows: ReadonlyArray<{ cursor: string }> | undefined) => {
    const last = rows?.at(-1);
    return (
      <Group className="pager" my="sm">
        {cursors.length > 0 && (
          <Button variant="default" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('← Newer')}
          </Button>
        )}
        {last && rows?.length === pageSize && (
          <Button variant="default" onClick={() => setCursors([...cursors, last.cursor])}>
            {t('Older →')}
          </Button>
        )}
      </Group>
    );
  };
  return { before: cursors.at(-1), pager };
}

/**
 * Paging through a list whose API answers the next page's cursor (`next`): the cursors of the
 * pages seen are kept here; _First_ goes back to the start, _Next_ on. `restart` after a new filter.
 */
export function useNextPages() {
  const t = useT();
  const [cursors, setCursors] = useState<string[]>([]);
  const pager = (next: string | null | undefined) => (
    <Group className="pager" my="sm">
      {cursors.length > 0 && (
        <Button variant="default" onClick={() => setCursors([])}>
          {t('← First')}
        </Button>
      )}
      {next && (
        <Button variant="default" onClick={() => setCursors([...cursors, next])}>
          {t('Next →')}
        </Button>
      )}
    </Group>
  );
  return { after: cursors.at(-1), pager, restart: () => setCursors([]) };
}

/** Paging by cursor: newest first by time ("before"), or in another order the list chose ("after"). */
export function Pager({
  path,
  query,
  before,
  next,
  navigate,
  order = 'newest',
}: {
  path: string;
  query: URLSearchParams;
  /** The cursor of the page shown, if it is not the first. */
  before: string;
  /** The cursor of the next page, when this one was full. */
  next: string | undefined | null;
  navigate: (to: string) => void;
  order?: 'newest' | 'sorted';
}) {
  const t = useT();
  const param = order === 'newest' ? 'before' : 'after';
  return (
    <nav className="pager" aria-label={t('Pages')}>
      {before && (
        <Link to={addressWith(path, query, {})} navigate={navigate}>
          {order === 'newest' ? t('← Newest') : t('← First')}
        </Link>
      )}{' '}
      {next && (
        <Link to={addressWith(path, query, { [param]: next })} navigate={navigate}>
          {order === 'newest' ? t('Older →') : t('Next →')}
        </Link>
      )}
    </nav>
  );
}

export function RsitOptions({
  rsit,
  none,
  anyType = '',
}: {
  rsit: ReadonlyArray<{ value: string; name: string; types: ReadonlyArray<{ value: string; name: string }> }>;
  /** The words for "unclassified", when that may be chosen. */
  none?: string;
  /** Words after a class's name, saying that it stands for any of its types. */
  anyType?: string;
}) {
  return (
    <>
      {none !== undefined && <option value="/">{none}</option>}
      {rsit.flatMap((c) => [
        <option key={c.value} value={`${c.value}/`}>
          {c.name}
          {anyType}
        </option>,
        ...c.types.map((ty) => (
          <option key={`${c.value}/${ty.value}`} value={`${c.value}/${ty.value}`}>
            {c.name} — {ty.name}
          </option>
        )),
      ])}
    </>
  );
}

/** The team's people as options for a manager or an owner, after "(nobody)". */
export function MemberOptions({ members }: { members: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <>
      <option value="">(nobody)</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </>
  );
}
