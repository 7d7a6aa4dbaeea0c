/**
 * Sharing the incident with peer teams: the shares it has (each kept current by the server), and for
 * a chosen peer exactly what it would receive — what is sent, what is left out and why, and each
 * value pseudonymisation changes, before and after — then sharing it, publishing again or withdrawing.
 */
import { NativeSelect, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Answer } from '../../api';
import { ActionButton, ErrorText, ScrollTable, TlpBadge, when } from '../../components';
import { useT } from '../../i18n';
import type { TabProps } from './model';

type Shares = Answer<'/api/incidents/{id}/shares'>;
type Profiles = Answer<'/api/sharing-profiles'>;
type Preview = Answer<'/api/incidents/{id}/share-preview'>;

export function PeersTab({ props, share }: { props: TabProps; share: boolean }) {
  const t = useT();
  const { base } = props;
  const shares = useQuery({ queryKey: ['shares', base], queryFn: () => api<Shares>('GET', `${base}/shares`) });
  const profiles = useQuery({ queryKey: ['sharing-profiles'], queryFn: () => api<Profiles>('GET', '/api/sharing-profiles') });
  const [peer, setPeer] = useState('');
  const refresh = [['shares', base]];
  if (shares.isError) return <ErrorText error={shares.error} />;
  if (profiles.isError) return <ErrorText error={profiles.error} />;
  const chosen = peer || profiles.data?.profiles[0]?.peerTeamId || '';
  return (
    <>
      <h2>{t('Shared with peer teams')}</h2>
      {shares.data?.shares.length ? (
        <ScrollTable data-testid="peer-shares">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Peer team')}</Table.Th>
              <Table.Th>{t('Revision')}</Table.Th>
              <Table.Th>{t('Last published')}</Table.Th>
              <Table.Th>{t('State')}</Table.Th>
              {share && <Table.Th>{t('Actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shares.data.shares.map((s) => (
              <Table.Tr key={s.peerTeamId}>
                <Table.Td>{s.peerName}</Table.Td>
                <Table.Td>{s.revision}</Table.Td>
                <Table.Td>{when(s.publishedAt)}</Table.Td>
                <Table.Td>
                  {s.withdrawnAt ? t('withdrawn {when}', { when: when(s.withdrawnAt) }) : t('shared')}
                  {s.lastError && <span className="bad"> — {s.lastError}</span>}
                </Table.Td>
                {share && (
                  <Table.Td>
                    <ActionButton label={t('Publish now')} method="PUT" path={`${base}/shares/${s.peerTeamId}`} invalidates={refresh} />{' '}
                    {!s.withdrawnAt && (
                      <ActionButton
                        label={t('Withdraw')}
                        method="DELETE"
                        path={`${base}/shares/${s.peerTeamId}`}
                        invalidates={refresh}
                        confirm={t('Withdraw everything {peer} was sent of this incident?', { peer: s.peerName })}
                      />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <p className="muted">{t('Not shared with any peer team.')}</p>
      )}

      <h2>{t('What a peer team would receive')}</h2>
      {profiles.data?.profiles.length === 0 ? (
        <p className="muted">{t('No peer team has a sharing profile yet: give one to a team in the directory.')}</p>
      ) : (
        <>
          <NativeSelect
            label={t('Peer team')}
            value={chosen}
            onChange={(e) => setPeer(e.currentTarget.value)}
            data={(profiles.data?.profiles ?? []).map((p) => ({ value: p.peerTeamId, label: `${p.name} (TLP:${p.maxTlp})` }))}
          />
          {chosen && <PeerPreview base={base} peer={chosen} share={share} refresh={refresh} />}
        </>
      )}
    </>
  );
}

function PeerPreview({ base, peer, share, refresh }: { base: string; peer: string; share: boolean; refresh: string[][] }) {
  const t = useT();
  const preview = useQuery({
    queryKey: ['share-preview', base, peer],
    queryFn: () => api<Preview>('GET', `${base}/share-preview?peer=${peer}&incident=true`),
  });
  if (preview.isPending) return <p>{t('Loading…')}</p>;
  if (preview.isError) return <ErrorText error={preview.error} />;
  const { included, left, pseudonymised } = preview.data;
  return (
    <section aria-label={t('Preview')} data-testid="share-preview">
      <h3>{t('Sent ({count})', { count: included.length })}</h3>
      <ScrollTable>
        <Table.Tbody>
          {included.map((i) => (
            <Table.Tr key={`${i.kind} ${i.id}`}>
              <Table.Td>{i.kind}</Table.Td>
              <Table.Td>
                <TlpBadge tlp={i.tlp} />
              </Table.Td>
              <Table.Td>{i.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <h3>{t('Left out ({count})', { count: left.length })}</h3>
      <ul data-testid="share-left-out">
        {left.map((l) => (
          <li key={`${l.kind} ${l.id}`}>
            {l.what}: <span className="muted">{l.reason}</span>
          </li>
        ))}
      </ul>
      <h3>{t('Pseudonymised ({count})', { count: pseudonymised.length })}</h3>
      <ScrollTable data-testid="share-pseudonymised">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Where')}</Table.Th>
            <Table.Th>{t('Before')}</Table.Th>
            <Table.Th>{t('After')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pseudonymised.map((r) => (
            <Table.Tr key={`${r.field} ${r.before}`}>
              <Table.Td>{r.field}</Table.Td>
              <Table.Td>{r.before}</Table.Td>
              <Table.Td>{r.after}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {share && <ActionButton label={t('Share with this peer team')} method="PUT" path={`${base}/shares/${peer}`} invalidates={refresh} />}
    </section>
  );
}
