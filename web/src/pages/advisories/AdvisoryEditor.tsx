/**
 * Writing an advisory: the document, its vulnerabilities with their CVSS vectors and the
 * catalogue products they concern. Each finding — the server's refusal of a field, or a test of
 * CSAF 2.0 failed by the document it would publish — appears beside the field it belongs to.
 */
import { Button, Fieldset, MultiSelect, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { confirmDone, ErrorText, TLPS } from '../../components';
import { useT } from '../../i18n';
import { contentOf, draftOf, emptyDraft, emptyVuln, fieldOfPath, type Authored, type Draft, type VulnDraft } from './draft';

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
          <Fieldset key={i} legend={t('Vulnerability {n}', { n: i + 1 })} my="sm">
            <TextInput
              label="CVE"
              placeholder="CVE-2026-12345"
              value={v.cve}
              onChange={(e) => setVuln(i, { cve: e.currentTarget.value })}
              error={errorOf(`v${i}.cve`)}
            />
            <TextInput
              label={t('Vulnerability title')}
              value={v.title}
              onChange={(e) => setVuln(i, { title: e.currentTarget.value })}
              error={errorOf(`v${i}.title`)}
            />
            <TextInput
              label="CWE"
              placeholder="CWE-78"
              value={v.cweId}
              onChange={(e) => setVuln(i, { cweId: e.currentTarget.value })}
              error={errorOf(`v${i}.cweId`)}
            />
            <TextInput label={t('CWE name')} value={v.cweName} onChange={(e) => setVuln(i, { cweName: e.currentTarget.value })} />
            <Textarea
              label={t('Description')}
              rows={2}
              value={v.description}
              onChange={(e) => setVuln(i, { description: e.currentTarget.value })}
              error={errorOf(`v${i}.description`)}
            />
            <TextInput
              label={t('CVSS v3.1 vector')}
              placeholder="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
              value={v.cvssV3}
              onChange={(e) => setVuln(i, { cvssV3: e.currentTarget.value })}
              error={errorOf(`v${i}.cvssV3`)}
            />
            <TextInput
              label={t('CVSS v4.0 vector')}
              value={v.cvssV4}
              onChange={(e) => setVuln(i, { cvssV4: e.currentTarget.value })}
              error={errorOf(`v${i}.cvssV4`)}
            />
            <MultiSelect
              label={t('Affected products')}
              data={products}
              value={v.affected}
              onChange={(affected) => setVuln(i, { affected })}
              searchable
              error={errorOf(`v${i}.affected`)}
            />
            <MultiSelect
              label={t('Fixed products')}
              data={products}
              value={v.fixed}
              onChange={(fixed) => setVuln(i, { fixed })}
              searchable
            />
            <Textarea
              label={t('Remedy (vendor fix)')}
              rows={2}
              value={v.remedy}
              onChange={(e) => setVuln(i, { remedy: e.currentTarget.value })}
              error={errorOf(`v${i}.remedy`)}
            />
            <TextInput label={t('Remedy link')} value={v.remedyUrl} onChange={(e) => setVuln(i, { remedyUrl: e.currentTarget.value })} />
          </Fieldset>
        ))}
        <Button variant="default" size="compact-sm" onClick={() => set({ vulns: [...draft.vulns, emptyVuln()] })}>
          {t('Add a vulnerability')}
        </Button>
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
