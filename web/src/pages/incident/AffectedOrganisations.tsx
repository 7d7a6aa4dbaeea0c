/** The constituency organisations an incident affects: shown to the team, chosen by those who write. */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../../api';
import { ActionForm, ErrorText } from '../../components';
import { OrganisationPicker } from '../../organisation-picker';
import { useT } from '../../i18n';

type Affected = Answer<'/api/incidents/{id}/organisations'>;

export function AffectedOrganisations({ incidentId, write }: { incidentId: string; write: boolean }) {
  const t = useT();
  const key = ['incident-organisations', incidentId];
  const affected = useQuery({ queryKey: key, queryFn: () => api<Affected>('GET', `/api/incidents/${incidentId}/organisations`) });
  if (affected.isError) return <ErrorText error={affected.error} />;
  const chosen = affected.data ?? [];
  return (
    <>
      <p data-testid="affected-organisations">{chosen.map((o) => o.name).join(', ') || t('None named yet.')}</p>
      {write && affected.data && (
        <details className="panel">
          <summary>{t('Name the affected organisations')}</summary>
          <ActionForm
            key={chosen.map((o) => o.id).join()}
            label={t('Save affected organisations')}
            method="PUT"
            path={`/api/incidents/${incidentId}/organisations`}
            invalidates={[key]}
            toBody={(f) => ({ organisationIds: f.getAll('organisationIds').map(String) })}
          >
            <OrganisationPicker name="organisationIds" legend={t('Affected organisations')} chosen={chosen} multiple />
          </ActionForm>
        </details>
      )}
    </>
  );
}
