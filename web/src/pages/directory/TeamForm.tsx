import { Checkbox, NativeSelect, TextInput, Textarea } from '@mantine/core';
/**
 * A peer team written by hand: added when no RFC 2350 document exists (a team met at a FIRST
 * meeting), or corrected. An edit sends back everything the record has, so what the form does not
 * show (memberships, contacts, keys, hours, the RFC 2350 description, our trust) is never lost.
 */
import { ActionForm, optional, text } from '../../components';
import { SECTORS, TYPES, type StoredTeam, type Team } from './model';
import { useT } from '../../i18n';

const COVERAGE = ['yes', 'partly', 'planned', 'none'] as const;
const EMPTY: Team = {
  name: '',
  country: '',
  type: 'national',
  sectors: [],
  services: [],
  memberships: [],
  telephone: [],
  contacts: [],
  pgpKeys: [],
};

const lines = (value: string) =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "Office: +46 8 123" → a labelled number; a bare number stays bare. */
const telephone = (line: string) => {
  const at = line.lastIndexOf(':');
  return at > 0 ? { label: line.slice(0, at).trim(), number: line.slice(at + 1).trim() } : { number: line };
};

function teamFrom(form: FormData, before: Team): Team {
  const {
    shortName: _s,
    hostOrganisation: _h,
    email: _e,
    website: _w,
    timeZone: _t,
    nationalPointOfContact: _n,
    region: _r,
    ...kept
  } = before;
  const optionalFields = {
    shortName: 'shortName',
    region: 'region',
    hostOrganisation: 'hostOrganisation',
    email: 'email',
    website: 'website',
    timeZone: 'timeZone',
  };
  const given = Object.fromEntries(
    Object.entries(optionalFields).flatMap(([field, input]) => (optional(form, input) ? [[field, optional(form, input)]] : [])),
  );
  const notes = new Map(before.sectors.map((s) => [s.sector, s.note]));
  return {
    ...kept,
    ...given,
    name: text(form, 'name'),
    country: text(form, 'country').toUpperCase(),
    type: text(form, 'type') as Team['type'],
    // Unticked is false only where the record said so before; an absent answer stays absent.
    ...(form.get('nationalPointOfContact') || before.nationalPointOfContact !== undefined
      ? { nationalPointOfContact: Boolean(form.get('nationalPointOfContact')) }
      : {}),
    telephone: lines(text(form, 'telephone')).map(telephone),
    services: lines(text(form, 'services')),
    sectors: SECTORS.flatMap((sector) => {
      const coverage = text(form, `sector-${sector}`) as (typeof COVERAGE)[number] | '';
      const note = notes.get(sector);
      return coverage ? [{ sector, coverage, ...(note ? { note } : {}) }] : [];
    }),
  };
}

export function TeamForm({ stored, onSaved }: { stored?: StoredTeam; onSaved?: (id: string) => void }) {
  const t = useT();
  const team = stored?.team ?? EMPTY;
  const coverage = new Map(team.sectors.map((s) => [s.sector, s.coverage]));
  return (
    <details className="panel">
      <summary>{stored ? t('Correct this team') : t('Add a team by hand')}</summary>
      <ActionForm
        label={stored ? t('Save team') : t('Add team')}
        method={stored ? 'PUT' : 'POST'}
        path={stored ? `/api/directory/teams/${stored.id}` : '/api/directory/teams'}
        {...(stored ? { headers: { 'if-match': `"${stored.version}"` } } : {})}
        invalidates={[['directory'], ['directory-team']]}
        fieldLabels={{ telephone: t('Telephone'), services: t('FIRST services'), sectors: t('Sectors served') }}
        toBody={(form) => teamFrom(form, team)}
        onDone={(result) => onSaved?.((result as StoredTeam).id)}
      >
        <TextInput label={t('Name')} name="name" required defaultValue={team.name} />
        <TextInput label={t('Short name')} name="shortName" defaultValue={team.shortName ?? ''} />
        <TextInput
          label={t('Country (ISO code; INT: no single country)')}
          name="country"
          required
          maxLength={3}
          defaultValue={team.country}
        />
        <TextInput label={t('Region (for INT)')} name="region" defaultValue={team.region ?? ''} />
        <NativeSelect label={t('Type')} name="type" defaultValue={team.type}>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </NativeSelect>
        <Checkbox
          label={t('National point of contact')}
          name="nationalPointOfContact"
          defaultChecked={team.nationalPointOfContact === true}
          my="xs"
        />
        <TextInput label={t('Host organisation')} name="hostOrganisation" defaultValue={team.hostOrganisation ?? ''} />
        <TextInput label={t('E-mail')} name="email" type="email" defaultValue={team.email ?? ''} />
        <TextInput label={t('Website')} name="website" type="url" defaultValue={team.website ?? ''} />
        <TextInput label={t('Time zone')} name="timeZone" placeholder="Europe/Stockholm" defaultValue={team.timeZone ?? ''} />
        <Textarea
          label={t('Telephone (one per line, a label before a colon)')}
          name="telephone"
          rows={2}
          defaultValue={team.telephone.map((t) => (t.label ? `${t.label}: ${t.number}` : t.number)).join('\n')}
        />
        <Textarea label={t('FIRST services (one per line)')} name="services" rows={3} defaultValue={team.services.join('\n')} />
        <fieldset>
          <legend>{t('Sectors served')}</legend>
          {SECTORS.map((sector) => (
            <NativeSelect
              key={sector}
              label={sector}
              name={`sector-${sector}`}
              defaultValue={coverage.get(sector) ?? ''}
              data={[{ value: '', label: t('(not stated)') }, ...COVERAGE]}
              my={4}
            />
          ))}
        </fieldset>
      </ActionForm>
    </details>
  );
}
