import { NativeSelect } from '@mantine/core';
/** What the directory's screens share: the team's shape (from the API's schema), its vocabularies, and two small parts. */
import type { Answer } from '../../api';
import { Link } from '../../components';
import { useT } from '../../i18n';

export type StoredTeam = Answer<'/api/directory/teams/{id}'>;
export type Team = StoredTeam['team'];

// The server's own lists, from a module with no dependency (a copy here would drift).
export { MEMBERSHIP_BODIES as BODIES, SECTORS, TEAM_TYPES as TYPES, TRUST_LEVELS as TRUST } from '../../../../src/directory/vocabulary';

/** "Mon 08:00–16:45; Fri 08:00–16:15": the days a team works and when. */
export const weekly = (hours: Team['operatingHours']) =>
  Object.entries(hours ?? {})
    .filter(([, ranges]) => ranges.length > 0)
    .map(([day, ranges]) => `${day.slice(0, 1).toUpperCase()}${day.slice(1, 3)} ${ranges.map((r) => `${r.start}–${r.end}`).join(', ')}`)
    .join('; ');
export const ti = (t: Team) => t.memberships.find((m) => m.body === 'Trusted Introducer')?.status;

export function Select({
  name,
  label,
  values,
  defaultValue = '',
}: {
  name: string;
  label: string;
  values: readonly string[];
  defaultValue?: string;
}) {
  const t = useT();
  return <NativeSelect label={label} name={name} defaultValue={defaultValue} data={[{ value: '', label: t('(any)') }, ...values]} />;
}

export function BackLink({ navigate }: { navigate: (to: string) => void }) {
  return (
    <p>
      <Link to="/directory" navigate={navigate}>
        ← Directory
      </Link>
    </p>
  );
}
