/**
 * Security advisories in CSAF 2.0: the list, newest release first, an import of a document, and
 * one advisory with its validation finding by finding, each at its JSON path.
 */
import { Button, Paper, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { api, upload, type Answer } from '../api';
import { ErrorText, Link, ScrollTable, TlpBadge, useNextPages, when } from '../components';
import { DataTable } from '../data-table';
import { useT } from '../i18n';
import { OurAdvisory, OurAdvisoryList, type Rights } from './advisories/OurAdvisories';
import { VendorAdvisories } from './advisories/VendorAdvisories';

type Advisories = Answer<'/api/advisories'>;
type Summary = Advisories['advisories'][number];
type Advisory = Answer<'/api/advisories/{id}'>;
const PAGE = 50;

export function AdvisoriesPage({ path, navigate, rights }: { path: string; navigate: (to: string) => void; rights: Rights }) {
  const ours = /^\/advisories\/ours(?:\/([0-9a-f-]{36}|new))?$/.exec(path);
  if (ours) {
    if (!ours[1]) return <OurAdvisoryList navigate={navigate} rights={rights} />;
    return <OurAdvisory id={ours[1] === 'new' ? undefined : ours[1]} navigate={navigate} rights={rights} />;
  }
  const id = /^\/advisories\/([0-9a-f-]{36})$/.exec(path)?.[1];
  return id ? <AdvisoryView id={id} navigate={navigate} /> : <AdvisoryList navigate={navigate} rights={rights} />;
}

function AdvisoryList({ navigate, rights }: { navigate: (to: string) => void; rights: Rights }) {
  const t = useT();
  const { after, pager } = useNextPages();
  const list = useQuery({
    queryKey: ['advisories', after ?? ''],
    queryFn: () => api<Advisories>('GET', `/api/advisories?limit=${PAGE}${after ? `&before=${encodeURIComponent(after)}` : ''}`),
  });
  const column = createColumnHelper<Summary>();
  const columns = [
    column.accessor('title', {
      header: t('Title'),
      cell: ({ row: { original: a } }) => (
        <Link to={`/advisories/${a.id}`} navigate={navigate}>
          {a.title}
        </Link>
      ),
    }),
    column.accessor('trackingId', { header: t('Tracking id'), cell: ({ row: { original: a } }) => `${a.trackingId} (${a.version})` }),
    column.accessor('publisherNamespace', { header: t('Publisher'), meta: { optional: true } }),
    column.accessor('status', { header: t('Status') }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    column.accessor('currentReleaseDate', { header: t('Released'), cell: ({ getValue }) => when(getValue()) }),
    column.accessor('valid', {
      header: t('Valid CSAF 2.0'),
      cell: ({ getValue }) => <span className={getValue() ? 'ok' : 'bad'}>{getValue() ? t('yes') : t('no')}</span>,
    }),
  ];
  const rows = list.data?.advisories ?? [];
  return (
    <section>
      <h1>{t('Advisories')}</h1>
      <p>
        <Link to="/advisories/ours" navigate={navigate}>
          {t('Our advisories: write, review, publish')}
        </Link>
      </p>
      <ErrorText error={list.error} />
      {list.data && rows.length === 0 && <p>{t('No advisory yet. Import a CSAF 2.0 document below, or with `vakt advisories import`.')}</p>}
      {rows.length > 0 && <DataTable name="advisories" rows={rows} rowId={(a) => a.id} columns={columns} />}
      {pager(list.data?.next)}
      {rights.write && <ImportForm navigate={navigate} />}
      <VendorAdvisories navigate={navigate} canWrite={rights.write} canSend={rights.send} />
    </section>
  );
}

function ImportForm({ navigate }: { navigate: (to: string) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: (chosen: File) => upload<Advisory>('/api/advisories', chosen, 'application/json'),
    onSuccess: async (advisory) => {
      await queryClient.invalidateQueries({ queryKey: ['advisories'] });
      navigate(`/advisories/${advisory.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate(file);
  };
  return (
    <Paper component="form" withBorder p="sm" my="md" onSubmit={submit} aria-label={t('Import an advisory')}>
      <h2>{t('Import an advisory')}</h2>
      <p className="muted">
        {t('A CSAF 2.0 document is checked against the schema and every test of the standard, then kept exactly as it is.')}
      </p>
      <label>
        {t('CSAF document (JSON)')}
        <input type="file" accept=".json,application/json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <Button type="submit" loading={send.isPending} mt="xs">
        {t('Import')}
      </Button>
      <ErrorText error={send.error} />
    </Paper>
  );
}

function AdvisoryView({ id, navigate }: { id: string; navigate: (to: string) => void }) {
  const t = useT();
  const advisory = useQuery({ queryKey: ['advisory', id], queryFn: () => api<Advisory>('GET', `/api/advisories/${id}`) });
  if (advisory.isPending) return <p>{t('Loading…')}</p>;
  if (advisory.isError) return <ErrorText error={advisory.error} />;
  const a = advisory.data;
  const severity: Record<string, string> = { error: t('error'), warning: t('warning'), info: t('information') };
  return (
    <section>
      <Link to="/advisories" navigate={navigate}>
        {t('← Advisories')}
      </Link>
      <h1>{a.title}</h1>
      <dl className="facts">
        <dt>{t('Tracking id')}</dt>
        <dd>
          {a.trackingId} ({a.version}, {a.status})
        </dd>
        <dt>{t('Publisher')}</dt>
        <dd>{a.publisherNamespace}</dd>
        <dt>TLP</dt>
        <dd>
          <TlpBadge tlp={a.tlp} />{' '}
          {a.csafTlp ? t('(the document says {label})', { label: a.csafTlp }) : t('(unlabelled: the team’s default)')}
        </dd>
        <dt>{t('Released')}</dt>
        <dd>{when(a.currentReleaseDate)}</dd>
        <dt>{t('Valid CSAF 2.0')}</dt>
        <dd className={a.valid ? 'ok' : 'bad'}>{a.valid ? t('yes') : t('no: a schema error or a failed mandatory test')}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code>{a.sha256}</code>
        </dd>
      </dl>
      <p>
        <a href={`/api/advisories/${a.id}/document`} download>
          {t('The document as imported')}
        </a>
      </p>
      <h2>{t('Vulnerabilities')}</h2>
      {a.vulnerabilities.length === 0 ? (
        <p>{t('The document names no vulnerability.')}</p>
      ) : (
        <ScrollTable data-testid="advisory-vulnerabilities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>CVE</Table.Th>
              <Table.Th>CWE</Table.Th>
              <Table.Th>{t('CVSS (as given)')}</Table.Th>
              <Table.Th>{t('Products by status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.vulnerabilities.map((v, n) => (
              <Table.Tr key={n}>
                <Table.Td>
                  {v.cve ?? '—'}
                  {v.title && <div className="muted">{v.title}</div>}
                </Table.Td>
                <Table.Td>{v.cwe ?? '—'}</Table.Td>
                <Table.Td>
                  {v.scores.length === 0
                    ? '—'
                    : v.scores.map((score) => (
                        <div key={score.vector} title={score.vector}>
                          {score.baseScore} {score.severity ?? ''} (CVSS {score.version})
                        </div>
                      ))}
                </Table.Td>
                <Table.Td>
                  {Object.entries(v.productStatus)
                    .map(([status, count]) => `${status}: ${count}`)
                    .join(', ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <h2>{t('Findings')}</h2>
      {a.findings.length === 0 ? (
        <p>{t('Every test passed.')}</p>
      ) : (
        <ScrollTable data-testid="advisory-findings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Severity')}</Table.Th>
              <Table.Th>{t('Section')}</Table.Th>
              <Table.Th>{t('Where')}</Table.Th>
              <Table.Th>{t('Finding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.findings.map((f, n) => (
              <Table.Tr key={n}>
                <Table.Td className={f.severity === 'error' ? 'bad' : undefined}>{severity[f.severity]}</Table.Td>
                <Table.Td>{f.section}</Table.Td>
                <Table.Td>
                  <code>{f.path}</code>
                </Table.Td>
                <Table.Td>{f.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}
