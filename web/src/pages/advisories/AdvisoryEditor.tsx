/**
 * Writing an advisory: the document, its vulnerabilities with their CVSS vectors and the
 * catalogue products they concern. Each finding — the server's refusal of a field, or a test of
 * CSAF 2.0 failed by the document it would publish — appears beside the field it belongs to.
 */
import { Button, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { confirmDone, ErrorText, TLPS } from '../../components';
import { useT } from '../../i18n';
import { contentOf, draftOf, emptyDraft, emptyVuln, fieldOfPath, type Authored, type Draft, type VulnDraft } from './draft';
import { References, RowsEditor } from './RowsEditor';
import { VulnerabilityFields } from './VulnerabilityFields';

const CATEGORIES = ['csaf_security_advisory', 'csaf_vex', 'csaf_informational_advisory', 'csaf_base'] as const;
const STATUSES = ['draft', 'interim', 'final'] as const;

export interface Finding {
  path: string;
  message: string;
  severity: string;
  section?: string;
}

export function AdvisoryEditor({
  advisory,
  products,
  findings,
  editable,
  onSaved,
}: {
  advisory: Authored | undefined;
  products: Array<{ value: string; label: string }>;
  /** The preview's findings, by the document's JSON paths. */
  findings: readonly Finding[];
  editable: boolean;
  onSaved: (saved: Authored) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => (advisory ? draftOf(advisory.content) : emptyDraft()));
  const save = useMutation({
    mutationFn: (event: FormEvent) => {
      event.preventDefault();
      const body = contentOf(draft, advisory?.content);
      return advisory
        ? api<Authored>('PUT', `/api/authored-advisories/${advisory.id}`, body, { 'if-match': `"${advisory.revision}"` })
        : api<Authored>('POST', '/api/authored-advisories', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['authored'] });
      confirmDone(t('Done: {action}', { action: t('Save') }), t('Close'));
      onSaved(saved);
    },
  });

  const refused = save.error instanceof ApiError ? save.error.issues : [];
  const problems = [
    ...refused.map((i) => ({ field: fieldOfPath(i.field), message: i.reason })),
    ...findings.map((f) => ({ field: fieldOfPath(f.path, f.message), message: `${f.section ?? ''} ${f.message}`.trim() })),
  ];
  const errorOf = (field: string) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => p.message)
      .join(' · ') || undefined;
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setVuln = (i: number, change: Partial<VulnDraft>) =>
    setDraft((d) => ({ ...d, vulns: d.vulns.map((v, n) => (n === i ? { ...v, ...change } : v)) }));

  return (
    <form className="action-form" aria-label={t('The advisory')} onSubmit={(e) => save.mutate(e)}>
      <fieldset disabled={!editable} className="plain">
        <TextInput
          label={t('Title')}
          required
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errorOf('title')}
        />
        <NativeSelect
          label={t('Category')}
          value={draft.category}
          onChange={(e) => set({ category: e.currentTarget.value as Draft['category'] })}
          data={CATEGORIES.map((c) => ({ value: c, label: c }))}
          error={errorOf('category')}
        />
        <NativeSelect
          label={t('Language of the document')}
          value={draft.lang}
          onChange={(e) => set({ lang: e.currentTarget.value })}
          data={[
            { value: 'en', label: t('English') },
            { value: 'sv', label: t('Swedish') },
          ]}
          error={errorOf('lang')}
        />
        <NativeSelect
          label={t('Document status when published')}
          value={draft.status}
          onChange={(e) => set({ status: e.currentTarget.value as Draft['status'] })}
          data={STATUSES.map((s) => ({ value: s, label: s }))}
          error={errorOf('status')}
        />
        <NativeSelect
          label="TLP"
          value={draft.tlp}
          onChange={(e) => set({ tlp: e.currentTarget.value as Draft['tlp'] })}
          data={TLPS.map((l) => ({ value: l, label: `TLP:${l}` }))}
          description={t('CSAF 2.0 knows TLP 1.0: TLP:CLEAR is written WHITE, and TLP:AMBER+STRICT cannot be published.')}
          error={errorOf('tlp')}
        />
        <Textarea
          label={t('Summary')}
          rows={3}
          value={draft.summary}
          onChange={(e) => set({ summary: e.currentTarget.value })}
          error={errorOf('summary')}
        />
        {advisory && advisory.publishedVersions > 0 && (
          <TextInput
            label={t('What this version changes')}
            value={draft.revisionSummary}
            onChange={(e) => set({ revisionSummary: e.currentTarget.value })}
          />
        )}
        {errorOf('products') && <p className="bad">{errorOf('products')}</p>}
        {draft.vulns.map((v, i) => (
          <VulnerabilityFields key={i} n={i} vuln={v} products={products} errorOf={errorOf} onChange={(change) => setVuln(i, change)} />
        ))}
        <Button variant="default" size="compact-sm" onClick={() => set({ vulns: [...draft.vulns, emptyVuln()] })}>
          {t('Add a vulnerability')}
        </Button>
        <References rows={draft.references} onChange={(references) => set({ references })} error={errorOf('references')} />
        <RowsEditor
          legend={t('Acknowledgments')}
          rows={draft.acknowledgments}
          fields={[
            { key: 'names', label: (n) => t('Acknowledgment {n}: names, comma-separated', { n }) },
            { key: 'organization', label: (n) => t('Acknowledgment {n}: organisation', { n }) },
            { key: 'summary', label: (n) => t('Acknowledgment {n}: for what', { n }) },
          ]}
          empty={() => ({ names: '', organization: '', summary: '' })}
          onChange={(acknowledgments) => set({ acknowledgments })}
          error={errorOf('acknowledgments')}
          addLabel={t('Add an acknowledgment')}
          removeLabel={(n) => t('Remove acknowledgment {n}', { n })}
        />
        {errorOf('document') && <p className="bad">{errorOf('document')}</p>}
        <div>
          <Button type="submit" loading={save.isPending} mt="sm">
            {t('Save')}
          </Button>
        </div>
      </fieldset>
      <ErrorText error={save.error} />
    </form>
  );
}
