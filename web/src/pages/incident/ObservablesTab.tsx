/** Observables (one at a time or a pasted list), each with "who is responsible" and "seen elsewhere"; assets; evidence. */
import { useState } from 'react';
import { ActionForm, Link, TlpSelect, text, when } from '../../components';
import { LOOKUP_KINDS, LookupInline } from '../../lookup';
import { ItemTable } from './ItemTable';
import { s, type TabProps } from './model';

interface BulkAnswer {
  added: Array<{ kind: string; value: string }>;
  already: Array<{ kind: string; value: string }>;
  unrecognised: Array<{ line: number; text: string }>;
}

export function ObservablesTab({ props }: { props: TabProps }) {
  const { detail: d, write, team, refresh, base, taxonomies, navigate } = props;
  const [bulk, setBulk] = useState<BulkAnswer | null>(null);
  return (
    <>
      <h2>Observables, assets and evidence</h2>
      <ItemTable
        title="Observables"
        rows={d.observables}
        columns={[
          ['Value', (r) => <code>{s(r.value)}</code>],
          ['Kind', (r) => s(r.kind)],
          ['IoC', (r) => (r.is_ioc ? 'yes' : '')],
          [
            'Look further',
            (r) => (
              <>
                {team && LOOKUP_KINDS.has(s(r.kind)) && <LookupInline value={s(r.value)} navigate={navigate} />}{' '}
                <Link to={`/search?seen=${encodeURIComponent(s(r.value))}`} navigate={navigate}>
                  seen elsewhere?
                </Link>
              </>
            ),
          ],
        ]}
      />
      {write && (
        <>
          <ActionForm
            label="Add observables"
            path={`${base}/observables/bulk`}
            invalidates={refresh}
            onDone={(r) => setBulk(r as BulkAnswer)}
            toBody={(f) => ({ text: text(f, 'text'), isIoc: f.get('ioc') === 'on', ...(text(f, 'tlp') ? { tlp: text(f, 'tlp') } : {}) })}
          >
            <label>
              Observables, one or more per line (defanged or not)
              <textarea
                name="text"
                rows={4}
                placeholder={'hxxps://evil[.]example/login\n203.0.113[.]9\nd41d8cd98f00b204e9800998ecf8427e'}
              />
            </label>
            <label className="inline">
              <input type="checkbox" name="ioc" /> indicators of compromise
            </label>
            <TlpSelect label="TLP of these observables" />
          </ActionForm>
          {bulk && (
            <p role="status" data-testid="bulk-result">
              Added {bulk.added.length}; already there {bulk.already.length}
              {bulk.unrecognised.length > 0 && `; not understood: ${bulk.unrecognised.map((u) => `line ${u.line} “${u.text}”`).join(', ')}`}
              .
            </p>
          )}
          <details className="panel">
            <summary>Add one observable of a kind the list cannot tell</summary>
            <ActionForm
              label="Add observable"
              path={`${base}/observables`}
              invalidates={refresh}
              toBody={(f) => ({ kind: text(f, 'kind'), value: text(f, 'value'), isIoc: f.get('ioc') === 'on' })}
            >
              <label>
                Kind
                <select name="kind">
                  {[...(taxonomies?.indicatorKinds ?? []), 'other'].map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </label>
              <label>
                Value
                <input name="value" />
              </label>
              <label className="inline">
                <input type="checkbox" name="ioc" /> an indicator of compromise
              </label>
            </ActionForm>
          </details>
        </>
      )}
      <ItemTable
        title="Assets"
        rows={d.assets}
        columns={[
          ['Asset', (r) => s(r.name)],
          ['Kind', (r) => s(r.kind)],
          ['Compromised', (r) => (r.compromised ? 'yes' : 'no')],
        ]}
      />
      {write && (
        <ActionForm
          label="Add asset"
          path={`${base}/assets`}
          invalidates={refresh}
          toBody={(f) => ({ name: text(f, 'name'), compromised: f.get('compromised') === 'on' })}
        >
          <label>
            Asset
            <input name="name" />
          </label>
          <label className="inline">
            <input type="checkbox" name="compromised" /> compromised
          </label>
        </ActionForm>
      )}
      <ItemTable
        title="Evidence"
        rows={d.evidence}
        columns={[
          ['Item', (r) => s(r.item)],
          ['SHA-256', (r) => <code title={s(r.sha256)}>{s(r.sha256).slice(0, 16)}…</code>],
          ['Collected', (r) => `${when(r.collected_at as string)} by ${s(r.collected_by)}`],
          ['Where', (r) => s(r.location)],
          ['Custody', (r) => (team ? <a href={`/api/evidence/${r.id}/custody?format=csv`}>log (CSV)</a> : '')],
        ]}
      />
      {write && (
        <ActionForm
          label="Register evidence"
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
          <label>
            Item
            <input name="item" />
          </label>
          <label>
            SHA-256
            <input name="sha256" />
          </label>
          <label>
            Collected by
            <input name="by" />
          </label>
          <label>
            Collected at
            <input name="at" type="datetime-local" />
          </label>
          <label>
            Kept at
            <input name="location" />
          </label>
        </ActionForm>
      )}
    </>
  );
}
