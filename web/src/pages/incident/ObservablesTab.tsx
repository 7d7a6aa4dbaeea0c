import { Checkbox, NativeSelect, TextInput, Textarea } from '@mantine/core';
/** Observables (one at a time or a pasted list), each with "who is responsible" and "seen elsewhere"; assets; evidence. */
import { useState } from 'react';
import type { Answer } from '../../api';
import { ActionForm, Link, TlpSelect, text, when } from '../../components';
import { LOOKUP_KINDS, LookupInline } from '../../lookup';
import { ItemTable } from './ItemTable';
import { s, type TabProps } from './model';
import { useT } from '../../i18n';

type BulkAnswer = Answer<'/api/incidents/{id}/observables/bulk', 'post'>;

export function ObservablesTab({ props }: { props: TabProps }) {
  const { detail: d, write, team, refresh, base, taxonomies, navigate } = props;
  const t = useT();
  const [bulk, setBulk] = useState<BulkAnswer | null>(null);
  return (
    <>
      <h2>{t('Observables, assets and evidence')}</h2>
      <ItemTable
        name="observables"
        title={t('Observables')}
        rows={d.observables}
        columns={[
          [t('Value'), (r) => <code>{s(r.value)}</code>],
          [t('Kind'), (r) => s(r.kind)],
          ['IoC', (r) => (r.is_ioc ? t('yes') : '')],
          [
            t('Look further'),
            (r) => (
              <>
                {team && LOOKUP_KINDS.has(s(r.kind)) && <LookupInline value={s(r.value)} navigate={navigate} />}{' '}
                <Link to={`/search?seen=${encodeURIComponent(s(r.value))}`} navigate={navigate}>
                  {t('seen elsewhere?')}
                </Link>
              </>
            ),
          ],
        ]}
      />
      {write && (
        <>
          <ActionForm
            label={t('Add observables')}
            path={`${base}/observables/bulk`}
            invalidates={refresh}
            onDone={(r) => setBulk(r as BulkAnswer)}
            toBody={(f) => ({ text: text(f, 'text'), isIoc: f.get('ioc') === 'on', ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}) })}
          >
            <Textarea
              label={t('Observables, one or more per line (defanged or not)')}
              name="text"
              rows={4}
              placeholder={'hxxps://evil[.]example/login\n203.0.113[.]9\nd41d8cd98f00b204e9800998ecf8427e'}
            />
            <Checkbox label={t('indicators of compromise')} name="ioc" my="xs" />
            <TlpSelect label={t('TLP of these observables')} />
          </ActionForm>
          {bulk && (
            <p role="status" data-testid="bulk-result">
              {t('Added {added}; already there {already}', { added: String(bulk.added.length), already: String(bulk.already.length) })}
              {bulk.unrecognised.length > 0 &&
                `; ${t('not understood: {lines}', {
                  lines: bulk.unrecognised.map((u) => t('line {line} “{text}”', { line: String(u.line), text: u.text })).join(', '),
                })}`}
              .
            </p>
          )}
          <details className="panel">
            <summary>{t('Add one observable of a kind the list cannot tell')}</summary>
            <ActionForm
              label={t('Add observable')}
              path={`${base}/observables`}
              invalidates={refresh}
              toBody={(f) => ({ kind: text(f, 'kind'), value: text(f, 'value'), isIoc: f.get('ioc') === 'on' })}
            >
              <NativeSelect label={t('Kind')} name="kind">
                {[...(taxonomies?.indicatorKinds ?? []), 'other'].map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </NativeSelect>
              <TextInput label={t('Value')} name="value" />
              <Checkbox label={t('an indicator of compromise')} name="ioc" my="xs" />
            </ActionForm>
          </details>
        </>
      )}
      <ItemTable
        name="assets"
        title={t('Assets')}
        rows={d.assets}
        columns={[
          [t('Asset'), (r) => s(r.name)],
          [t('Kind'), (r) => s(r.kind)],
          [t('Compromised'), (r) => (r.compromised ? t('yes') : t('no'))],
        ]}
      />
      {write && (
        <ActionForm
          label={t('Add asset')}
          path={`${base}/assets`}
          invalidates={refresh}
          toBody={(f) => ({ name: text(f, 'name'), compromised: f.get('compromised') === 'on' })}
        >
          <TextInput label={t('Asset')} name="name" />
          <Checkbox label={t('compromised')} name="compromised" my="xs" />
        </ActionForm>
      )}
      <ItemTable
        name="evidence"
        title={t('Evidence')}
        rows={d.evidence}
        columns={[
          [t('Item'), (r) => s(r.item)],
          ['SHA-256', (r) => <code title={s(r.sha256)}>{s(r.sha256).slice(0, 16)}…</code>],
          [t('Collected'), (r) => t('{at} by {who}', { at: when(r.collected_at as string), who: s(r.collected_by) })],
          [t('Where'), (r) => s(r.location)],
          [t('Custody'), (r) => (team ? <a href={`/api/evidence/${r.id}/custody?format=csv`}>{t('log (CSV)')}</a> : '')],
        ]}
      />
      {write && (
        <ActionForm
          label={t('Register evidence')}
          path={`${base}/evidence`}
          invalidates={refresh}
          toBody={(f) => ({
            item: text(f, 'item'),
            sha256: text(f, 'sha256'),
            collectedBy: text(f, 'by'),
            collectedAt: new Date(text(f, 'at') || Date.now()).toISOString(),
            location: text(f, 'location'),
          })}
        >
          <TextInput label={t('Item')} name="item" />
          <TextInput label="SHA-256" name="sha256" />
          <TextInput label={t('Collected by')} name="by" />
          <TextInput label={t('Collected at')} name="at" type="datetime-local" />
          <TextInput label={t('Kept at')} name="location" />
        </ActionForm>
      )}
    </>
  );
}
