/** The constituency: who is responsible for an address, the organisations as a tree, one organisation, import. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api';
import { ActionButton, ActionForm, ErrorText, Link, TlpBadge, text, ScrollTable } from '../components';
import { LookupBox } from '../lookup';
import { OrganisationForm, type Organisation } from './OrganisationForm';

export function ConstituencyPage({ path, navigate, canWrite }: { path: string; navigate: (to: string) => void; canWrite: boolean }) {
  const id = /^\/constituency\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const orgs = useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<{ organisations: Organisation[] }>('GET', '/api/organisations'),
  });
  const list = orgs.data?.organisations ?? [];
  const selected = list.find((o) => o.id === id);
  return (
    <section>
      <h1>Constituency</h1>
      <LookupBox navigate={navigate} />
      <ErrorText error={orgs.error} />
      <div className="columns">
        <nav aria-label="Organisations" data-testid="org-tree">
          <Tree list={list} parent={null} navigate={navigate} />
        </nav>
        <div>
          {selected ? <OrganisationView org={selected} list={list} /> : <p>Choose an organisation.</p>}
          {canWrite && selected && <OrganisationForm key={`${selected.id}-${selected.version}`} list={list} org={selected} />}
          {canWrite && selected && (
            <ActionButton
              label="Delete this organisation"
              method="DELETE"
              path={`/api/organisations/${selected.id}`}
              invalidates={[['organisations']]}
              confirm={`Delete ${selected.name}?`}
            />
          )}
          {canWrite && !selected && <OrganisationForm list={list} />}
          {canWrite && !selected && <ImportForm />}
        </div>
      </div>
    </section>
  );
}

function Tree({ list, parent, navigate }: { list: Organisation[]; parent: string | null; navigate: (to: string) => void }) {
  const known = new Set(list.map((o) => o.id));
  const children = list.filter(
    (o) => (parent === null ? o.parentId === null || !known.has(o.parentId) : o.parentId === parent) && o.kind !== 'team',
  );
  if (children.length === 0) return null;
  return (
    <ul className="tree">
      {children.map((o) => (
        <li key={o.id}>
          <Link to={`/constituency/${o.id}`} navigate={navigate}>
            {o.name}
          </Link>{' '}
          <small>
            {o.category} · {o.netblocks.length} netblock(s) · {o.contacts.length} contact(s)
          </small>
          <Tree list={list} parent={o.id} navigate={navigate} />
        </li>
      ))}
    </ul>
  );
}

function OrganisationView({ org, list }: { org: Organisation; list: Organisation[] }) {
  const parent = list.find((o) => o.id === org.parentId);
  return (
    <article data-testid="organisation">
      <h2>{org.name}</h2>
      <p>
        {org.category}
        {parent ? ` in ${parent.name}` : ''} · cleared for <TlpBadge tlp={org.tlpClearance} />
        {org.tags.length > 0 ? ` · ${org.tags.join(', ')}` : ''}
      </p>
      <h3>Netblocks</h3>
      <ul>
        {org.netblocks.map((b) => (
          <li key={b.prefix}>
            <code>{b.prefix}</code> {b.description}
          </li>
        ))}
      </ul>
      {org.asns.length > 0 && <p>AS numbers: {org.asns.map((a) => `AS${a}`).join(', ')}</p>}
      {org.domains.length > 0 && <p>Domains: {org.domains.join(', ')}</p>}
      <h3>Contacts</h3>
      <ScrollTable>
        <thead>
          <tr>
            <th>Role</th>
            <th>Name</th>
            <th>E-mail</th>
            <th>Phone</th>
            <th>Language</th>
            <th>PGP</th>
            <th>Notified</th>
          </tr>
        </thead>
        <tbody>
          {org.contacts.map((c) => (
            <tr key={c.id}>
              <td>{c.role}</td>
              <td>{c.name}</td>
              <td>{c.email}</td>
              <td>{c.phone}</td>
              <td>{c.language}</td>
              <td>{c.pgpFingerprint ? c.pgpFingerprint.slice(-16) : ''}</td>
              <td>{c.notify ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </article>
  );
}

function ImportForm() {
  const [report, setReport] = useState<{ created: string[]; updated: string[]; skipped: number; dryRun: boolean } | null>(null);
  return (
    <details>
      <summary>Import organisations (CSV or JSON)</summary>
      <ActionForm
        label="Import"
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
        <label>
          Format
          <select name="format">
            <option>csv</option>
            <option>json</option>
          </select>
        </label>
        <label>
          File content <textarea name="content" rows={6} required />
        </label>
        <label>
          <input type="checkbox" name="skipInvalid" /> Import the valid rows, skip the others
        </label>
        <label>
          <input type="checkbox" name="dryRun" /> Dry run
        </label>
      </ActionForm>
      {report && (
        <p data-testid="import-report">
          {report.dryRun ? 'Would import' : 'Imported'}: {report.created.length} created ({report.created.join(', ')}),{' '}
          {report.updated.length} updated, {report.skipped} skipped.
        </p>
      )}
    </details>
  );
}
