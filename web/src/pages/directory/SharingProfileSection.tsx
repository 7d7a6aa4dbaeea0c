/**
 * What the team shares with this peer team: the highest label, the kinds of item, the
 * pseudonymisation rules and the channels; and the accounts that read for the peer, each made with
 * an API token shown once.
 */
import { Checkbox, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Answer } from '../../api';
import { ActionForm, ErrorText, text, TLPS } from '../../components';
import { useT } from '../../i18n';

type Profile = NonNullable<Answer<'/api/directory/teams/{id}/sharing-profile'>>;
type Reader = Answer<'/api/directory/teams/{id}/sharing-profile/readers', 'post'>;

const KINDS = ['observable', 'indicator', 'incident'] as const;
const CHANNELS = ['taxii', 'misp-feed', 'mail'] as const;
const PROTECTIVE: Profile['pseudonymisation'] = {
  constituents: 'replace',
  reporters: 'pseudonymise',
  ownAddresses: 'truncate',
  scrubText: true,
};

export function SharingProfileSection({ id, canShare, canAdmin }: { id: string; canShare: boolean; canAdmin: boolean }) {
  const t = useT();
  const key = ['sharing-profile', id];
  const stored = useQuery({ queryKey: key, queryFn: () => api<Profile | null>('GET', `/api/directory/teams/${id}/sharing-profile`) });
  const [reader, setReader] = useState<Reader | null>(null);
  if (stored.isPending) return <p>{t('Loading…')}</p>;
  if (stored.isError) return <ErrorText error={stored.error} />;
  const p = stored.data;
  const rules = p?.pseudonymisation ?? PROTECTIVE;
  return (
    <section aria-label={t('Sharing profile')}>
      <h2>{t('What we share with this team')}</h2>
      <p data-testid="sharing-profile">
        {p
          ? t('Up to TLP:{tlp}; {kinds}; by {channels}.', {
              tlp: p.maxTlp,
              kinds: p.itemKinds.join(', ') || t('nothing'),
              channels: p.channels.join(', ') || t('export only'),
            })
          : t('Nothing: this team has no sharing profile.')}
        {p && !p.readerOrganisationId && p.channels.some((c) => c !== 'mail') && (
          <strong className="bad"> {t('Nobody reads for this team yet: make a reader below.')}</strong>
        )}
      </p>
      {canShare && (
        <ActionForm
          label={t('Save sharing profile')}
          method="PUT"
          path={`/api/directory/teams/${id}/sharing-profile`}
          headers={{ 'if-match': `"${p?.version ?? 0}"` }}
          invalidates={[key, ['sharing-profiles']]}
          toBody={(f) => ({
            maxTlp: text(f, 'maxTlp'),
            itemKinds: f.getAll('itemKinds').map(String),
            channels: f.getAll('channels').map(String),
            mailTo: text(f, 'mailTo') || null,
            pseudonymisation: {
              constituents: text(f, 'constituents'),
              reporters: text(f, 'reporters'),
              ownAddresses: text(f, 'ownAddresses'),
              scrubText: f.get('scrubText') === 'on',
            },
          })}
        >
          <NativeSelect label={t('Highest TLP label')} name="maxTlp" defaultValue={p?.maxTlp ?? 'CLEAR'} data={TLPS.map((l) => `${l}`)} />
          <Checkbox.Group label={t('Kinds of item')} defaultValue={p?.itemKinds ?? []}>
            {KINDS.map((k) => (
              <Checkbox key={k} name="itemKinds" value={k} label={k} my={4} />
            ))}
          </Checkbox.Group>
          <NativeSelect
            label={t('Constituent names and contacts')}
            name="constituents"
            defaultValue={rules.constituents}
            data={[
              { value: 'replace', label: t('replaced') },
              { value: 'keep', label: t('kept') },
            ]}
          />
          <NativeSelect
            label={t('Reporters’ addresses')}
            name="reporters"
            defaultValue={rules.reporters}
            data={[
              { value: 'pseudonymise', label: t('keyed pseudonyms') },
              { value: 'keep', label: t('kept') },
            ]}
          />
          <NativeSelect
            label={t('Addresses in the constituency or internal networks')}
            name="ownAddresses"
            defaultValue={rules.ownAddresses}
            data={[
              { value: 'truncate', label: t('truncated to their network') },
              { value: 'pseudonymise', label: t('pseudonymised, prefix-preserving') },
              { value: 'drop', label: t('left out') },
              { value: 'keep', label: t('kept') },
            ]}
          />
          <Checkbox name="scrubText" label={t('Scrub free text of these values')} defaultChecked={rules.scrubText} my="xs" />
          <Checkbox.Group label={t('Channels')} defaultValue={p?.channels ?? []}>
            {CHANNELS.map((c) => (
              <Checkbox key={c} name="channels" value={c} label={c} my={4} />
            ))}
          </Checkbox.Group>
          <TextInput label={t('STIX by mail to')} name="mailTo" type="email" defaultValue={p?.mailTo ?? ''} />
        </ActionForm>
      )}
      {p && canShare && canAdmin && (
        <ActionForm
          label={t('Make a reader')}
          path={`/api/directory/teams/${id}/sharing-profile/readers`}
          invalidates={[key, ['sharing-profiles']]}
          toBody={(f) => ({ email: text(f, 'email') })}
          onDone={(result) => setReader(result as Reader)}
        >
          <TextInput label={t('Reader’s e-mail address')} name="email" type="email" required />
        </ActionForm>
      )}
      {reader && (
        <p role="status" data-testid="reader-token">
          {t('Give the peer this token now; it is not shown again:')} <code>{reader.token}</code>
        </p>
      )}
    </section>
  );
}
