import { Button, Checkbox, NativeSelect, Table, Textarea } from '@mantine/core';
/** The constituency: who is responsible for an address, the organisations a page at a time, one organisation, import. */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api, type Answer } from '../api';
import {
  ActionButton,
  ActionForm,
  addressWith,
  ErrorText,
  FilterForm,
  FilterSelect,
  Link,
  Pager,
  pickParams,
  ScrollTable,
  text,
  TlpBadge,
} from '../components';
import { DataTable } from '../data-table';
import { LookupBox } from '../lookup';
import { useOrganisationNames, type Chosen } from '../organisation-picker';
import { OrganisationForm, type Organisation } from './OrganisationForm';
import { useT } from '../i18n';

const FILTERS = ['q', 'parent', 'sort'] as const;
const PAGE = 50;
type Page = Answer<'/api/organisations'>;

export function ConstituencyPage({
  path,
  search,
  navigate,
  canWrite,
}: {
  path: string;
  search: URLSearchParams;
  navigate: (to: string) => void;
  canWrite: boolean;
}) {
  const t = useT();
  const id = /^\/constituency\/([0-9a-f-]{36})$/.exec(path)?.[1];
  return (
    <section>
      <h1>{t('Constituency')}</h1>
      <LookupBox navigate={navigate} />
      {id ? (
        <OrganisationPage id={id} navigate={navigate} canWrite={canWrite} />
      ) : (
        <>
          <OrganisationList search={search} navigate={navigate} />
          {canWrite && <OrganisationForm />}
          {canWrite && <ImportForm />}
        </>
      )}
    </section>
  );
}

/** The organisations a page at a time, by name, found by words; the address keeps the filter and the page. */
function OrganisationList({ search, navigate }: { search: URLSearchParams; navigate: (to: string) => void }) {
  const t = useT();
  const query = pickParams(search, FILTERS);
  const after = search.get('after') ?? '';
  const page = new URLSearchParams(query);
  page.set('limit', String(PAGE));
  if (after) page.set('after', after);
  const list = useQuery({
    queryKey: ['organisations', 'page', page.toString()],
    queryFn: () => api<Page>('GET', `/api/organisations?${page}`),
  });
  const parents = useOrganisationNames([...(list.data?.organisations ?? []).map((o) => o.parentId), query.get('parent')]);
  const filter = (name: (typeof FILTERS)[number], value: string) => navigate(addressWith('/constituency', query, { [name]: value }));
  const rows = list.data?.organisations ?? [];
  const column = createColumnHelper<Page['organisations'][number]>();
  const columns = [
    column.accessor('name', {
      header: t('Name'),
      meta: { sort: { ascending: '', descending: '-name' } },
      cell: ({ row: { original: o } }) => (
        <Link to={`/constituency/${o.id}`} navigate={navigate}>
          {o.name}
        </Link>
      ),
    }),
    column.accessor('category', { header: t('Category') }),
    column.accessor('parentId', { header: t('Part of'), cell: ({ getValue }) => (getValue() ? parents.name(getValue()) : '') }),
    column.accessor((o) => o.netblocks.length, { id: 'netblocks', header: t('Netblocks'), meta: { optional: true } }),
    column.accessor((o) => o.contacts.length, { id: 'contacts', header: t('Contacts'), meta: { optional: true } }),
    column.accessor('tlpClearance', { header: t('Cleared for'), cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
  ];
  return (
    <>
      <FilterForm
        label={t('Filter organisations')}
        words={{ label: t('Words'), placeholder: t('name, domain or tag'), value: query.get('q') ?? '' }}
        onWords={(v) => filter('q', v)}
      >
        <FilterSelect
          label={t('Order')}
          value={query.get('sort') ?? ''}
          onChange={(v) => filter('sort', v)}
          options={[
            ['', t('name A–Z')],
            ['-name', t('name Z–A')],
          ]}
        />
        {query.get('parent') && (
          <Button variant="default" onClick={() => filter('parent', '')}>
            {t('Only under {name}', { name: parents.name(query.get('parent')) })} ✕
          </Button>
        )}
      </FilterForm>
      <ErrorText error={list.error} />
      {list.data && rows.length === 0 && (
        <p>{query.size > 0 ? t('No organisation matches.') : t('No organisation yet: add one or import a file below.')}</p>
      )}
      {rows.length > 0 && (
        <DataTable
          name="organisations"
          rows={rows}
          rowId={(o) => o.id}
          columns={columns}
          sort={{ current: query.get('sort') ?? '', onSort: (v) => filter('sort', v) }}
        />
      )}
      <Pager path="/constituency" query={query} before={after} next={list.data?.next} navigate={navigate} order="sorted" />
    </>
  );
}

function OrganisationPage({ id, navigate, canWrite }: { id: string; navigate: (to: string) => void; canWrite: boolean }) {
  const t = useT();
  const org = useQuery({ queryKey: ['organisations', id], queryFn: () => api<Organisation>('GET', `/api/organisations/${id}`) });
  const parents = useOrganisationNames([org.data?.parentId ?? null]);
  if (org.isError) return <ErrorText error={org.error} />;
  if (!org.data) return <p>{t('Loading…')}</p>;
  const o = org.data;
  const parent = o.parentId ? { id: o.parentId, name: parents.name(o.parentId) } : undefined;
  return (
    <>
      <p>
        <Link to="/constituency" navigate={navigate}>
          {t('← All organisations')}
        </Link>
      </p>
      <OrganisationView org={o} parent={parent} navigate={navigate} />
      {canWrite && !parents.pending && <OrganisationForm key={`${o.id}-${o.version}`} org={o} parent={parent} />}
      {canWrite && (
        <ActionButton
          label={t('Delete this organisation')}
          method="DELETE"
          path={`/api/organisations/${o.id}`}
          invalidates={[['organisations']]}
          confirm={t('Delete {name}?', { name: o.name })}
          onDone={() => navigate('/constituency')}
        />
      )}
    </>
  );
}

function OrganisationView({ org, parent, navigate }: { org: Organisation; parent: Chosen | undefined; navigate: (to: string) => void }) {
  const t = useT();
  const children = useQuery({
    queryKey: ['organisations', 'page', `parent=${org.id}`],
    queryFn: () => api<Page>('GET', `/api/organisations?parent=${org.id}&limit=20`),
  });
  const under = children.data?.organisations ?? [];
  return (
    <article data-testid="organisation">
      <h2>{org.name}</h2>
      <p>
        {org.category}
        {parent && (
          <>
            {` ${t('in')} `}
            <Link to={`/constituency/${parent.id}`} navigate={navigate}>
              {parent.name}
            </Link>
          </>
        )}{' '}
        · {t('cleared for')} <TlpBadge tlp={org.tlpClearance} />
        {org.tags.length > 0 ? ` · ${org.tags.join(', ')}` : ''}
      </p>
      {under.length > 0 && (
        <nav aria-label={t('Sub-organisations')} data-testid="sub-organisations">
          <h3>{t('Sub-organisations')}</h3>
          <ul>
            {under.map((c) => (
              <li key={c.id}>
                <Link to={`/constituency/${c.id}`} navigate={navigate}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
          {children.data?.next && (
            <Link to={`/constituency?parent=${org.id}`} navigate={navigate}>
              {t('All of them')}
            </Link>
          )}
        </nav>
      )}
      <h3>{t('Netblocks')}</h3>
      <ul>
        {org.netblocks.map((b) => (
          <li key={b.prefix}>
            <code>{b.prefix}</code> {b.description}
          </li>
        ))}
      </ul>
      {org.asns.length > 0 && (
        <p>
          {t('AS numbers:')} {org.asns.map((a) => `AS${a}`).join(', ')}
        </p>
      )}
      {org.domains.length > 0 && (
        <p>
          {t('Domains:')} {org.domains.join(', ')}
        </p>
      )}
      <h3>{t('Contacts')}</h3>
      <ScrollTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Role')}</Table.Th>
            <Table.Th>{t('Name')}</Table.Th>
            <Table.Th>{t('E-mail')}</Table.Th>
            <Table.Th>{t('Phone')}</Table.Th>
            <Table.Th>{t('Language')}</Table.Th>
            <Table.Th>{t('PGP')}</Table.Th>
            <Table.Th>{t('Notified')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {org.contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.role}</Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.email}</Table.Td>
              <Table.Td>{c.phone}</Table.Td>
              <Table.Td>{c.language}</Table.Td>
              <Table.Td>{c.pgpFingerprint ? c.pgpFingerprint.slice(-16) : ''}</Table.Td>
              <Table.Td>{c.notify ? t('yes') : t('no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </article>
  );
}

/** What an import did, as the report under the form says it. */
const counts = (report: { created: string[]; updated: string[]; skipped: number }) => ({
  created: report.created.length,
  names: report.created.join(', '),
  updated: report.updated.length,
  skipped: report.skipped,
});

function ImportForm() {
  const t = useT();
  const [report, setReport] = useState<{ created: string[]; updated: string[]; skipped: number; dryRun: boolean } | null>(null);
  return (
    <details>
      <summary>{t('Import organisations (CSV or JSON)')}</summary>
      <ActionForm
        label={t('Import')}
        path="/api/organisations/import"
        invalidates={[['organisations']]}
        onDone={(r) => setReport(r as typeof report)}
        toBody={(form) => ({
          format: text(form, 'format'),
          content: text(form, 'content'),
          skipInvalid: form.get('skipInvalid') === 'on',
          dryRun: form.get('dryRun') === 'on',
        })}
      >
        <NativeSelect label={t('Format')} name="format">
          <option>csv</option>
          <option>json</option>
        </NativeSelect>
        <Textarea label={t('File content')} name="content" rows={6} required />
        <Checkbox label={t('Import the valid rows, skip the others')} name="skipInvalid" my="xs" />
        <Checkbox label={t('Dry run')} name="dryRun" my="xs" />
      </ActionForm>
      {report && (
        <p data-testid="import-report">
          {report.dryRun
            ? t('Would import: {created} created ({names}), {updated} updated, {skipped} skipped.', counts(report))
            : t('Imported: {created} created ({names}), {updated} updated, {skipped} skipped.', counts(report))}
        </p>
      )}
    </details>
  );
}
