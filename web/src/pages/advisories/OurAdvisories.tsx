/**
 * The team's own advisories: the list, a new one, and one advisory — its form, the findings of
 * the document it would publish, its place in the workflow (review by a second member, publication)
 * and, once published, the organisations told of it and what they answered.
 */
import { Badge, Button, NativeSelect, Paper, Table, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api, type Answer } from '../../api';
import { ActionForm, confirmDone, ErrorText, Link, ScrollTable, TlpBadge, text, useNextPages, when } from '../../components';
import { DataTable } from '../../data-table';
import { useT } from '../../i18n';
import { AdvisoryEditor } from './AdvisoryEditor';
import type { Authored } from './draft';

type List = Answer<'/api/authored-advisories'>;
type Preview = Answer<'/api/authored-advisories/{id}/preview'>;
type Recipients = Answer<'/api/authored-advisories/{id}/recipients'>;
type Products = Answer<'/api/products'>;
type Published = Answer<'/api/authored-advisories/{id}/publish', 'post'>;

type Translate = ReturnType<typeof useT>;
const stageOf = (t: Translate): Record<Authored['state'], string> => ({
  draft: t('draft'),
  'in-review': t('in review'),
  approved: t('approved'),
  published: t('published'),
});
const verdictOf = (t: Translate): Record<string, string> => ({
  affected: t('affected'),
  'not-affected': t('not affected'),
  patched: t('patched'),
  'need-help': t('needs help'),
  useful: t('useful'),
});

export interface Rights {
  write: boolean;
  publish: boolean;
  /** May send mail: a vendor's advisory relayed to the constituency. */
  send: boolean;
  me: string;
}

export function OurAdvisoryList({ navigate, rights }: { navigate: (to: string) => void; rights: Rights }) {
  const t = useT();
  const { after, pager } = useNextPages();
  const list = useQuery({
    queryKey: ['authored', 'list', after ?? ''],
    queryFn: () => api<List>('GET', `/api/authored-advisories?limit=50${after ? `&before=${encodeURIComponent(after)}` : ''}`),
  });
  const column = createColumnHelper<List['advisories'][number]>();
  const columns = [
    column.accessor('title', {
      header: t('Title'),
      cell: ({ row: { original: a } }) => (
        <Link to={`/advisories/ours/${a.id}`} navigate={navigate}>
          {a.title}
        </Link>
      ),
    }),
    column.accessor('trackingId', { header: t('Tracking id') }),
    column.accessor('state', { header: t('Stage'), cell: ({ getValue }) => stageOf(t)[getValue()] }),
    column.accessor('tlp', { header: 'TLP', cell: ({ getValue }) => <TlpBadge tlp={getValue()} /> }),
    column.accessor('publishedVersions', { header: t('Versions published') }),
    column.accessor('updatedAt', { header: t('Changed'), cell: ({ getValue }) => when(getValue()) }),
  ];
  const rows = list.data?.advisories ?? [];
  return (
    <section>
      <Link to="/advisories" navigate={navigate}>
        {t('← Advisories')}
      </Link>
      <h1>{t('Our advisories')}</h1>
      {rights.write && <Button onClick={() => navigate('/advisories/ours/new')}>{t('New advisory')}</Button>}
      <ErrorText error={list.error} />
      {list.data && rows.length === 0 && <p>{t('The team has written no advisory yet.')}</p>}
      {rows.length > 0 && <DataTable name="authored-advisories" rows={rows} rowId={(a) => a.id} columns={columns} />}
      {pager(list.data?.next)}
    </section>
  );
}

function useCatalogue() {
  const products = useQuery({ queryKey: ['products'], queryFn: () => api<Products>('GET', '/api/products?limit=500') });
  return (products.data?.products ?? []).map((p) => ({ value: p.id, label: `${p.vendor} ${p.name} ${p.version}` }));
}

export function OurAdvisory({ id, navigate, rights }: { id: string | undefined; navigate: (to: string) => void; rights: Rights }) {
  const t = useT();
  const products = useCatalogue();
  const advisory = useQuery({
    queryKey: ['authored', id],
    queryFn: () => api<Authored>('GET', `/api/authored-advisories/${id}`),
    enabled: Boolean(id),
  });
  const preview = useQuery({
    queryKey: ['authored', id, 'preview', advisory.data?.revision],
    queryFn: () => api<Preview>('GET', `/api/authored-advisories/${id}/preview`),
    enabled: Boolean(advisory.data),
  });
  if (id && advisory.isPending) return <p>{t('Loading…')}</p>;
  if (advisory.isError) return <ErrorText error={advisory.error} />;
  const a = advisory.data;
  const editable = rights.write && (!a || a.state === 'draft' || a.state === 'published');
  return (
    <section>
      <Link to="/advisories/ours" navigate={navigate}>
        {t('← Our advisories')}
      </Link>
      <h1>{a ? `${a.trackingId}: ${a.title}` : t('New advisory')}</h1>
      {a && <Workflow advisory={a} preview={preview.data} rights={rights} />}
      <AdvisoryEditor
        key={a ? `${a.id}-${a.revision}` : 'new'}
        advisory={a}
        products={products}
        findings={preview.data?.findings ?? []}
        editable={editable}
        onSaved={(saved) => !a && navigate(`/advisories/ours/${saved.id}`)}
      />
      {rights.write && <ProductForm />}
      {a && a.publishedVersions > 0 && <Told id={a.id} />}
    </section>
  );
}

function Workflow({ advisory: a, preview, rights }: { advisory: Authored; preview: Preview | undefined; rights: Rights }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [audience, setAudience] = useState('inventory');
  const [check, setCheck] = useState<Published['providerCheck'] | null>(null);
  const step = useMutation({
    mutationFn: ({ path, body, label }: { path: string; body?: unknown; label: string }) =>
      api<Partial<Published>>('POST', `/api/authored-advisories/${a.id}/${path}`, body).then((answer) => ({ label, answer })),
    onSuccess: async ({ label, answer }) => {
      await queryClient.invalidateQueries({ queryKey: ['authored'] });
      setComment('');
      if (answer.providerCheck) setCheck(answer.providerCheck);
      confirmDone(t('Done: {action}', { action: label }), t('Close'));
    },
  });
  const errors = preview?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const mine = a.editedBy === rights.me || a.submittedBy === rights.me;
  return (
    <Paper withBorder p="sm" my="md" aria-label={t('Workflow')} component="section">
      <p>
        <Badge variant="light">{stageOf(t)[a.state]}</Badge> {t('Version {n} is next.', { n: a.publishedVersions + 1 })}{' '}
        {preview &&
          (preview.valid ? (
            <span className="ok">{t('The document would be valid CSAF 2.0.')}</span>
          ) : (
            <span className="bad">{t('The document would fail {n} test(s): see beside the fields.', { n: errors })}</span>
          ))}
      </p>
      {a.reviewComment && (
        <p>
          {t('Review comment')}: <q>{a.reviewComment}</q>
        </p>
      )}
      {rights.write && a.state === 'draft' && (
        <Button onClick={() => step.mutate({ path: 'submit', label: t('Submit for review') })}>{t('Submit for review')}</Button>
      )}
      {rights.write && a.state === 'in-review' && !mine && (
        <>
          <Textarea label={t('Comment to the author')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          <Button
            mr="xs"
            mt="xs"
            onClick={() =>
              step.mutate({ path: 'review', body: { decision: 'approve', ...(comment ? { comment } : {}) }, label: t('Approve') })
            }
          >
            {t('Approve')}
          </Button>
          <Button
            mt="xs"
            variant="default"
            onClick={() => step.mutate({ path: 'review', body: { decision: 'return', comment }, label: t('Return to the author') })}
          >
            {t('Return to the author')}
          </Button>
        </>
      )}
      {a.state === 'in-review' && mine && <p>{t('A second team member reviews it.')}</p>}
      {rights.publish && a.state === 'approved' && (
        <>
          <NativeSelect
            label={t('Tell')}
            value={audience}
            onChange={(e) => setAudience(e.currentTarget.value)}
            data={[
              { value: 'inventory', label: t('the organisations whose product inventory it concerns') },
              { value: 'all', label: t('the whole constituency') },
              { value: 'none', label: t('nobody') },
            ]}
          />
          <Button mt="xs" onClick={() => step.mutate({ path: 'publish', body: { audience }, label: t('Publish') })}>
            {t('Publish')}
          </Button>
        </>
      )}
      {check &&
        (check.passed ? (
          <p className="ok">{t('Provider self-check: every applicable rule is met.')}</p>
        ) : (
          <div className="bad">
            <p>{t('Provider self-check: a rule is not met.')}</p>
            <ul>
              {check.failed.map((f) => (
                <li key={f.rule}>
                  {f.rule} {f.title}: {f.messages.join('; ')}
                </li>
              ))}
            </ul>
          </div>
        ))}
      <ErrorText error={step.error} />
    </Paper>
  );
}

function ProductForm() {
  const t = useT();
  return (
    <ActionForm
      label={t('Add to the catalogue')}
      path="/api/products"
      invalidates={[['products']]}
      toBody={(form) => ({
        vendor: text(form, 'vendor'),
        name: text(form, 'name'),
        version: text(form, 'version'),
        ...(text(form, 'cpe') ? { cpe: text(form, 'cpe') } : {}),
        ...(text(form, 'purl') ? { purl: text(form, 'purl') } : {}),
      })}
    >
      <h2>{t('Product catalogue')}</h2>
      <TextInput label={t('Vendor')} name="vendor" required />
      <TextInput label={t('Product')} name="name" required />
      <TextInput label={t('Version')} name="version" required />
      <TextInput label="CPE" name="cpe" placeholder="cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*" />
      <TextInput label="purl" name="purl" placeholder="pkg:npm/name@1.0.0" />
    </ActionForm>
  );
}

function Told({ id }: { id: string }) {
  const t = useT();
  const told = useQuery({
    queryKey: ['authored', id, 'recipients'],
    queryFn: () => api<Recipients>('GET', `/api/authored-advisories/${id}/recipients`),
  });
  if (!told.data) return <ErrorText error={told.error} />;
  const { organisations, notPatched, told: count } = told.data;
  return (
    <section aria-label={t('Organisations told')}>
      <h2>{t('Organisations told')}</h2>
      <p>{t('{n} of {total} organisations told have not reported a patch.', { n: notPatched, total: count })}</p>
      {organisations.length > 0 && (
        <ScrollTable data-testid="advisory-recipients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Organisation')}</Table.Th>
              <Table.Th>{t('Mail')}</Table.Th>
              <Table.Th>{t('Why')}</Table.Th>
              <Table.Th>{t('Answer')}</Table.Th>
              <Table.Th>{t('Comment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organisations.map((o) => (
              <Table.Tr key={o.organisationId}>
                <Table.Td>{o.organisation}</Table.Td>
                <Table.Td>
                  {o.status === 'queued' ? t('sent (version {v})', { v: o.version }) : `${t('withheld')}: ${o.reason ?? ''}`}
                </Table.Td>
                <Table.Td>{o.matched.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  {o.answer ? `${verdictOf(t)[o.answer.verdict] ?? o.answer.verdict} (${when(o.answer.at)})` : t('no answer yet')}
                </Table.Td>
                <Table.Td>{o.answer?.comment || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </section>
  );
}
