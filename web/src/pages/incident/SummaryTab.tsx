import { Checkbox, NativeSelect, TextInput, Textarea } from '@mantine/core';
/** The summary tab: the facts, every field editable, notes, and merging into another incident. */
import { ActionForm, Link, MemberOptions, RsitOptions, TlpSelect, text } from '../../components';
import { useT } from '../../i18n';
import { AffectedOrganisations } from './AffectedOrganisations';
import { nameOf, s, type TabProps } from './model';
import { Notes } from './Notes';

export function SummaryTab({ props, me }: { props: TabProps; me: string }) {
  const { detail: d, team, write, manage, members, navigate } = props;
  const i = d.incident;
  const t = useT();
  return (
    <>
      {team && (
        <dl className="facts">
          <dt>{t('Classification')}</dt>
          <dd>{[i.rsit_class, i.rsit_type].filter(Boolean).join(' / ') || t('unclassified')}</dd>
          <dt>{t('Incident manager')}</dt>
          <dd data-testid="incident-manager">{i.manager_id ? nameOf(members, i.manager_id) : t('nobody yet')}</dd>
          <dt>{t('Impact')}</dt>
          <dd>{i.impact}</dd>
          <dt>PAP</dt>
          <dd>PAP:{i.pap}</dd>
          <dt>{t('Affected organisations')}</dt>
          <dd>
            <AffectedOrganisations incidentId={i.id} write={write} />
          </dd>
          <dt>{t('Affected (in words)')}</dt>
          <dd>{i.affected_constituents || '—'}</dd>
          <dt>{t('Root cause')}</dt>
          <dd>
            {i.initial_vector || '—'}; {t('patient zero')} {i.patient_zero || '—'}
          </dd>
          <dt>ATT&amp;CK</dt>
          <dd>{(i.attack_techniques ?? []).join(', ') || '—'}</dd>
          <dt>{t('Description')}</dt>
          <dd className="pre">{i.description || '—'}</dd>
          <dt>{t('Watched by')}</dt>
          <dd>{d.watchers.map((w) => w.name).join(', ') || t('nobody')}</dd>
          {d.mergedIncidents.length > 0 && (
            <>
              <dt>{t('Merged into this')}</dt>
              <dd>{d.mergedIncidents.map((m) => `#${m.id} ${m.title}`).join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      {write && props.taxonomies && <EditForm props={props} />}
      {team && (
        <>
          <h2>{t('Notes')}</h2>
          <Notes notes={d.notes} me={me} props={props} />
        </>
      )}
      {manage && (
        <details className="panel">
          <summary>{t('Merge into another incident')}</summary>
          <ActionForm
            label={t('Merge')}
            path={`${props.base}/merge`}
            invalidates={props.refresh}
            toBody={(f) => ({ into: text(f, 'into').replace(/^#/, '') })}
            onDone={() => navigate('/incidents')}
          >
            <p>{t('Its reports, mail and items move to the other incident; triage can undo the merge.')}</p>
            <TextInput label={t('Incident number to merge into')} name="into" inputMode="numeric" placeholder="#1234" />
          </ActionForm>
        </details>
      )}
      {write && (
        <>
          <h2>{t('Lessons learned')}</h2>
          <p>
            <Link to={`/incidents/${i.id}/debrief`} navigate={navigate}>
              {t('Debrief')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

/** Sends only what changed, so two people editing different fields do not undo each other. */
function EditForm({ props }: { props: TabProps }) {
  const { detail: d, taxonomies, members } = props;
  const t = useT();
  const i = d.incident;
  const rsit = taxonomies?.rsit ?? [];
  const fields = [
    ['title', 'title'],
    ['description', 'description'],
    ['impact', 'impact'],
    ['pap', 'pap'],
    ['initialVector', 'initial_vector'],
    ['patientZero', 'patient_zero'],
    ['affectedConstituents', 'affected_constituents'],
  ] as const;
  return (
    <details className="panel">
      <summary>{t('Change the incident')}</summary>
      <ActionForm
        label={t('Save changes')}
        method="PATCH"
        path={props.base}
        headers={{ 'if-match': `"${i.version}"` }}
        invalidates={props.refresh}
        toBody={(f) => {
          const body: Record<string, unknown> = {};
          for (const [field, column] of fields) if (text(f, field) !== s(i[column])) body[field] = text(f, field);
          const phase = text(f, 'phase');
          if (phase && phase !== i.phase) body.phase = phase;
          const priority = text(f, 'priority');
          if (priority && priority !== i.priority) {
            body.priority = priority;
            if (text(f, 'priorityReason')) body.priorityReason = text(f, 'priorityReason');
          }
          const cls = text(f, 'rsit');
          if (cls !== `${i.rsit_class ?? ''}/${i.rsit_type ?? ''}`) {
            const [c, ty] = cls.split('/');
            body.rsitClass = c || null;
            body.rsitType = ty || null;
          }
          const manager = text(f, 'managerId') || null;
          if (manager !== (i.manager_id ?? null)) body.managerId = manager;
          const sensitive = f.get('sensitive') === 'on';
          if (sensitive !== i.sensitive) body.sensitive = sensitive;
          const tlp = text(f, 'tlp');
          if (tlp && tlp !== i.tlp) body.tlp = tlp;
          const techniques = text(f, 'attackTechniques');
          if (techniques !== (i.attack_techniques ?? []).join(', ')) body.attackTechniques = techniques.split(/[\s,]+/).filter(Boolean);
          return body;
        }}
      >
        <TextInput label={t('Title')} name="title" defaultValue={i.title} />
        <Textarea label={t('Description')} name="description" rows={4} defaultValue={i.description} />
        <NativeSelect label={t('Phase')} name="phase" defaultValue={i.phase}>
          {[i.phase, ...d.nextPhases].map((p) => (
            <option key={p} value={p}>
              {p === i.phase ? t('{phase} (now)', { phase: p }) : p}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('Priority')} name="priority" defaultValue={i.priority}>
          {taxonomies?.priorities.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </NativeSelect>
        <TextInput label={t('Reason for a priority change')} name="priorityReason" />
        <NativeSelect label={t('Incident manager')} name="managerId" defaultValue={i.manager_id ?? ''}>
          <MemberOptions members={members} />
        </NativeSelect>
        <NativeSelect label={t('RSIT class / type')} name="rsit" defaultValue={`${i.rsit_class ?? ''}/${i.rsit_type ?? ''}`}>
          <RsitOptions rsit={rsit} none={t('(unclassified)')} />
        </NativeSelect>
        <NativeSelect label={t('Impact')} name="impact" defaultValue={i.impact}>
          {taxonomies?.impacts.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </NativeSelect>
        <TlpSelect defaultValue={i.tlp} label={t('Incident TLP')} />
        <NativeSelect label={t('PAP (what the recipients may do)')} name="pap" defaultValue={i.pap}>
          {taxonomies?.papLabels.map((v) => (
            <option key={v} value={v}>
              PAP:{v}
            </option>
          ))}
        </NativeSelect>
        <Checkbox label={t('sensitive (personal data, need-to-know)')} name="sensitive" defaultChecked={i.sensitive} my="xs" />
        <TextInput label={t('Affected constituents')} name="affectedConstituents" defaultValue={i.affected_constituents} />
        <TextInput label={t('Initial vector')} name="initialVector" defaultValue={i.initial_vector} />
        <TextInput label={t('Patient zero')} name="patientZero" defaultValue={i.patient_zero} />
        <TextInput label={t('ATT&CK technique ids')} name="attackTechniques" defaultValue={(i.attack_techniques ?? []).join(', ')} />
      </ActionForm>
    </details>
  );
}
