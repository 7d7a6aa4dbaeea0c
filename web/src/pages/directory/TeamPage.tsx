import { Table, TextInput } from '@mantine/core';
/** One peer team: what the directory knows of it, our trust in it, and its RFC 2350 description. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { ActionForm, ErrorText, optional, ScrollTable, text } from '../../components';
import { BackLink, Select, TRUST, weekly, type StoredTeam } from './model';
import { SharingProfileSection } from './SharingProfileSection';
import { TeamForm } from './TeamForm';
import { useT } from '../../i18n';

export function TeamPage({
  id,
  navigate,
  canWrite,
  canShare,
  canAdmin,
}: {
  id: string;
  navigate: (to: string) => void;
  canWrite: boolean;
  canShare: boolean;
  canAdmin: boolean;
}) {
  const t = useT();
  const stored = useQuery({ queryKey: ['directory-team', id], queryFn: () => api<StoredTeam>('GET', `/api/directory/teams/${id}`) });
  if (stored.isPending) return <p>{t('Loading…')}</p>;
  if (stored.isError) return <ErrorText error={stored.error} />;
  const { team, version } = stored.data;
  const rows: Array<[string, string | undefined]> = [
    [t('Country'), team.country],
    [t('Region'), team.region],
    [t('Type'), `${team.type}${team.nationalPointOfContact ? ` (${t('national point of contact')})` : ''}`],
    [t('Host organisation'), team.hostOrganisation],
    [t('E-mail'), team.email],
    [t('Telephone'), team.telephone.map((t) => `${t.label ? `${t.label}: ` : ''}${t.number}`).join('; ')],
    [t('Other contacts'), team.contacts.map((c) => [c.role, c.name, c.email].filter(Boolean).join(' ')).join('; ')],
    [t('PGP keys'), team.pgpKeys.map((k) => k.fingerprint ?? k.url ?? k.userId).join('; ')],
    [t('Time zone'), team.timeZone],
    [t('Operating hours'), [weekly(team.operatingHours), team.operatingHoursNote].filter(Boolean).join(' — ')],
    [t('Website'), team.website],
    [
      'RFC 2350',
      team.rfc2350
        ? [team.rfc2350.url, team.rfc2350.version && `version ${team.rfc2350.version}`, team.rfc2350.date].filter(Boolean).join(', ')
        : undefined,
    ],
    [t('Services'), team.services.join('; ')],
    [
      t('Memberships'),
      team.memberships.map((m) => [m.name ?? m.body, m.status, m.since && `since ${m.since}`].filter(Boolean).join(' ')).join('; '),
    ],
  ];
  return (
    <section>
      <BackLink navigate={navigate} />
      <h1>
        {team.name} {team.shortName && <span className="muted">({team.shortName})</span>}
      </h1>
      <ScrollTable data-testid="team-fields">
        <Table.Tbody>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th>{k}</Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </ScrollTable>
      <h2>{t('Sectors served')}</h2>
      <ul>
        {team.sectors.map((s) => (
          <li key={s.sector}>
            {s.sector}: {s.coverage}
            {s.note && <span className="muted"> — {s.note}</span>}
          </li>
        ))}
      </ul>
      <h2>{t('Our trust')}</h2>
      <p data-testid="trust">
        {team.trust
          ? `${team.trust.level}${team.trust.lastVerified ? `, verified ${team.trust.lastVerified}` : ''}${team.trust.note ? ` — ${team.trust.note}` : ''}`
          : 'Not assessed.'}
      </p>
      {canWrite && (
        <ActionForm
          label={t('Save trust')}
          method="PUT"
          path={`/api/directory/teams/${id}`}
          headers={{ 'if-match': `"${version}"` }}
          invalidates={[['directory-team', id], ['directory']]}
          toBody={(f) => {
            const note = optional(f, 'note');
            return { ...team, trust: { level: text(f, 'level'), lastVerified: text(f, 'lastVerified'), ...(note ? { note } : {}) } };
          }}
        >
          <Select name="level" label={t('Trust level')} values={TRUST} defaultValue={team.trust?.level ?? 'unknown'} />
          <TextInput
            label={t('Last verified')}
            name="lastVerified"
            type="date"
            required
            defaultValue={team.trust?.lastVerified ?? new Date().toISOString().slice(0, 10)}
          />
          <TextInput label={t('Note')} name="note" defaultValue={team.trust?.note ?? ''} />
        </ActionForm>
      )}
      <SharingProfileSection id={id} canShare={canShare} canAdmin={canAdmin} />
      {canWrite && <TeamForm key={version} stored={stored.data} />}
      {team.description && (
        <details>
          <summary>{t('Its RFC 2350 description')}</summary>
          <dl>
            {Object.entries(team.description).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{typeof v === 'string' ? v : JSON.stringify(v, null, 1)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
