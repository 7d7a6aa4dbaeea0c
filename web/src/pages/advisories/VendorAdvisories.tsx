/**
 * Vendors' advisories: the CSAF providers the team follows, and the notices their advisories
 * drafted for the organisations whose inventories they match, each to send or dismiss.
 */
import { Badge, Table, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Answer } from '../../api';
import { ActionButton, ActionForm, ErrorText, Link, ScrollTable, TlpBadge, text, useNextPages, when } from '../../components';
import { useT } from '../../i18n';

type Subscriptions = Answer<'/api/csaf-subscriptions'>;
type Notices = Answer<'/api/relay-notices'>;

export function VendorAdvisories({ navigate, canWrite, canSend }: { navigate: (to: string) => void; canWrite: boolean; canSend: boolean }) {
  const t = useT();
  const { after, pager } = useNextPages();
  const subscriptions = useQuery({ queryKey: ['csaf-subscriptions'], queryFn: () => api<Subscriptions>('GET', '/api/csaf-subscriptions') });
  const notices = useQuery({
    queryKey: ['relay-notices', after ?? ''],
    queryFn: () => api<Notices>('GET', `/api/relay-notices?limit=50${after ? `&before=${encodeURIComponent(after)}` : ''}`),
  });
  const refresh = [['relay-notices'], ['csaf-subscriptions'], ['advisories']];
  return (
    <section aria-label={t("Vendors' advisories")}>
      <h2>{t("Vendors' advisories that concern the constituency")}</h2>
      <ErrorText error={notices.error} />
      {notices.data && notices.data.notices.length === 0 && <p>{t('No notice waits to be sent.')}</p>}
      {notices.data && notices.data.notices.length > 0 && (
        <ScrollTable data-testid="relay-notices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Advisory')}</Table.Th>
              <Table.Th>TLP</Table.Th>
              <Table.Th>{t('Organisation')}</Table.Th>
              <Table.Th>{t('Why')}</Table.Th>
              <Table.Th>{t('Notice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notices.data.notices.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>
                  <Link to={`/advisories/${n.advisoryId}`} navigate={navigate}>
                    {n.trackingId}: {n.title}
                  </Link>
                </Table.Td>
                <Table.Td>
                  <TlpBadge tlp={n.tlp} />
                </Table.Td>
                <Table.Td>{n.organisation}</Table.Td>
                <Table.Td>{n.matched.join(', ')}</Table.Td>
                <Table.Td>
                  {canSend && (
                    <>
                      <ActionButton
                        label={t('Send to {organisation}', { organisation: n.organisation })}
                        path={`/api/relay-notices/${n.id}/send`}
                        invalidates={refresh}
                      />{' '}
                      <ActionButton label={t('Dismiss')} path={`/api/relay-notices/${n.id}/dismiss`} invalidates={refresh} />
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {pager(notices.data?.next)}
      <h2>{t('CSAF providers we follow')}</h2>
      <ErrorText error={subscriptions.error} />
      {subscriptions.data && subscriptions.data.subscriptions.length > 0 && (
        <ScrollTable data-testid="csaf-subscriptions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Publisher')}</Table.Th>
              <Table.Th>{t('Provider metadata or aggregator list')}</Table.Th>
              <Table.Th>{t('Read up to')}</Table.Th>
              <Table.Th>{t('Last run')}</Table.Th>
              <Table.Th>{t('Read now')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscriptions.data.subscriptions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.publisher}{' '}
                  {s.kind === 'aggregator' ? (
                    <Badge variant="light">{t('Aggregator')}</Badge>
                  ) : (
                    s.via && (
                      <div>
                        {t('Listed by {aggregator}', {
                          aggregator: subscriptions.data.subscriptions.find((a) => a.id === s.via)?.publisher ?? '',
                        })}
                      </div>
                    )
                  )}
                </Table.Td>
                <Table.Td>
                  <code>{s.metadataUrl}</code>
                </Table.Td>
                <Table.Td>{when(s.readUpTo)}</Table.Td>
                <Table.Td>
                  {when(s.lastRunAt)}
                  {s.lastError && <div className="bad">{s.lastError}</div>}
                </Table.Td>
                <Table.Td>
                  {canWrite && (
                    <ActionButton
                      label={t('Read {publisher} now', { publisher: s.publisher })}
                      path={`/api/csaf-subscriptions/${s.id}/run`}
                      invalidates={refresh}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {canWrite && (
        <ActionForm
          label={t('Follow a provider')}
          path="/api/csaf-subscriptions"
          invalidates={refresh}
          toBody={(form) => ({ url: text(form, 'url') })}
        >
          <TextInput
            label={t('Provider metadata or aggregator URL')}
            name="url"
            required
            placeholder="https://psirt.example.com/.well-known/csaf/provider-metadata.json"
          />
        </ActionForm>
      )}
    </section>
  );
}
