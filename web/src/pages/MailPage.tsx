import { Button, Checkbox, Table, TextInput, Textarea } from '@mantine/core';
/**
 * Mail administration: the mailboxes Vakt polls for reports (mail settings), the contacts' PGP
 * keys, and the outbox with each mail's delivery state. Passwords are sent, never shown.
 */
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api, type Answer } from '../api';
import { ActionButton, ActionForm, ErrorText, ScrollTable, text, TlpBadge, useNextPages, useSectionPages, when } from '../components';
import { DataTable } from '../data-table';
import { useT } from '../i18n';

type Mailboxes = Answer<'/api/mailboxes'>;
const MAILBOX_PAGE = 50;
type PgpKeys = Answer<'/api/pgp-keys'>;
const keyColumn = createColumnHelper<PgpKeys['keys'][number]>();
const KEY_PAGE = 100;
type Outgoing = Answer<'/api/outbox'>[number];
type Filed = Answer<'/api/mail/filed'>[number];

export interface MailRights {
  settings: boolean;
  keys: boolean;
  send: boolean;
}

export function MailPage({ rights }: { rights: MailRights }) {
  const t = useT();
  return (
    <section>
      <h1>{t('Mail')}</h1>
      {rights.settings && <Mailboxes />}
      {rights.keys && <Keys />}
      {rights.send && <Outbox />}
      {rights.send && <FiledReports />}
    </section>
  );
}

function Mailboxes() {
  const t = useT();
  const { after, pager } = useNextPages();
  const list = useQuery({
    queryKey: ['mailboxes', after ?? ''],
    queryFn: () => api<Mailboxes>('GET', `/api/mailboxes?limit=${MAILBOX_PAGE}${after ? `&after=${after}` : ''}`),
  });
  const mailboxes = list.data?.mailboxes;
  return (
    <>
      <h2>{t('Mailboxes polled for reports')}</h2>
      <ErrorText error={list.error} />
      {mailboxes?.length === 0 && <p>{t('No mailbox yet: reports arrive by the API, the web form and the SMTP listener only.')}</p>}
      {mailboxes && mailboxes.length > 0 && (
        <ScrollTable data-testid="mailboxes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Name')}</Table.Th>
              <Table.Th>{t('Server')}</Table.Th>
              <Table.Th>{t('Account and folder')}</Table.Th>
              <Table.Th>{t('Last polled')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mailboxes.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>
                  {m.host}:{m.port} {m.secure ? '(TLS)' : `(${t('no TLS')})`}
                </Table.Td>
                <Table.Td>
                  {m.username} · {m.folder}
                </Table.Td>
                <Table.Td>
                  {when(m.last_polled_at)}
                  {m.last_error && <span className="bad"> {m.last_error}</span>}
                </Table.Td>
                <Table.Td>
                  <ActionButton
                    label={t('Remove {name}', { name: m.name })}
                    method="DELETE"
                    path={`/api/mailboxes/${m.id}`}
                    invalidates={[['mailboxes']]}
                    confirm={t('Stop polling {name}? Mail already taken in stays.', { name: m.name })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {pager(list.data?.next)}
      <details className="panel">
        <summary>{t('Add a mailbox')}</summary>
        <ActionForm
          label={t('Add mailbox')}
          path="/api/mailboxes"
          invalidates={[['mailboxes']]}
          toBody={(f) => ({
            name: text(f, 'name'),
            host: text(f, 'host'),
            port: Number(text(f, 'port')),
            secure: f.get('secure') === 'on',
            username: text(f, 'username'),
            password: String(f.get('password') ?? ''),
            folder: text(f, 'folder') || 'INBOX',
          })}
        >
          <TextInput label={t('Name')} name="name" placeholder={t('cert@ mailbox')} />
          <TextInput label={t('IMAP server')} name="host" />
          <TextInput label={t('Port')} name="port" type="number" defaultValue={993} />
          <Checkbox label="TLS" name="secure" defaultChecked my="xs" />
          <TextInput label={t('User name')} name="username" autoComplete="off" />
          <TextInput label={t('Password')} name="password" type="password" autoComplete="new-password" />
          <TextInput label={t('Folder')} name="folder" defaultValue="INBOX" />
        </ActionForm>
      </details>
    </>
  );
}

function Keys() {
  const t = useT();
  const [words, setWords] = useState('');
  const { after, pager, restart } = useNextPages();
  const query = new URLSearchParams({ limit: String(KEY_PAGE), ...(words ? { q: words } : {}), ...(after ? { after } : {}) });
  const list = useQuery({ queryKey: ['pgp-keys', query.toString()], queryFn: () => api<PgpKeys>('GET', `/api/pgp-keys?${query}`) });
  const keys = list.data?.keys ?? [];
  return (
    <>
      <h2>{t('Contacts’ PGP keys')}</h2>
      <form
        className="filters"
        aria-label={t('Find a key')}
        onSubmit={(e) => {
          e.preventDefault();
          setWords(text(new FormData(e.currentTarget), 'q'));
          restart();
        }}
      >
        <TextInput label={t('Address')} name="q" type="search" defaultValue={words} />
        <Button type="submit">{t('Find')}</Button>
      </form>
      <ErrorText error={list.error} />
      {list.data && keys.length === 0 && (
        <p>{words ? t('No key for such an address.') : t('No key yet: mail to contacts goes unencrypted until their key is here.')}</p>
      )}
      {keys.length > 0 && (
        <DataTable
          name="pgp-keys"
          rows={keys}
          rowId={(k) => k.fingerprint}
          columns={[
            keyColumn.accessor('email', { header: t('Address') }),
            keyColumn.accessor('fingerprint', {
              header: t('Fingerprint'),
              cell: ({ getValue }) => (
                <code>
                  {getValue()
                    .replace(/(.{4})/g, '$1 ')
                    .trim()}
                </code>
              ),
            }),
            keyColumn.accessor('expires_at', {
              header: t('Expires'),
              cell: ({ getValue }) => (getValue() ? when(getValue()) : t('never')),
            }),
          ]}
        />
      )}
      {pager(list.data?.next)}
      <ActionForm
        label={t('Store key')}
        path="/api/pgp-keys"
        invalidates={[['pgp-keys']]}
        toBody={(f) => ({ armored: text(f, 'armored') })}
      >
        <Textarea label={t('A contact’s public key (armoured, “-----BEGIN PGP PUBLIC KEY BLOCK-----”)')} name="armored" rows={5} />
      </ActionForm>
    </>
  );
}

const OUTBOX_PAGE = 50;

function Outbox() {
  const t = useT();
  const { before, pager } = useSectionPages(OUTBOX_PAGE);
  const list = useQuery({
    queryKey: ['outbox', before ?? ''],
    queryFn: () => api<Outgoing[]>('GET', `/api/outbox?limit=${OUTBOX_PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`),
    refetchInterval: 30_000,
  });
  return (
    <>
      <h2>{t('Outbox')}</h2>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && <p>{t('Nothing has been sent yet.')}</p>}
      {list.data && list.data.length > 0 && (
        <ScrollTable data-testid="outbox">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Queued')}</Table.Th>
              <Table.Th>{t('To')}</Table.Th>
              <Table.Th>{t('Subject')}</Table.Th>
              <Table.Th>{t('State')}</Table.Th>
              <Table.Th>TLP</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{when(m.created_at)}</Table.Td>
                <Table.Td>{m.to_addresses.join(', ')}</Table.Td>
                <Table.Td>{m.subject}</Table.Td>
                <Table.Td className={['failed', 'bounced', 'complained'].includes(m.delivery_status ?? '') ? 'bad' : undefined}>
                  {m.delivery_status ?? '—'}
                  {m.sent_at && ` ${when(m.sent_at)}`}
                  {m.delivery_error && ` (${m.delivery_error}, ${t('{count} attempt(s)', { count: m.delivery_attempts })})`}
                  {m.pgp_encryption === 'encrypted' && ` · ${t('encrypted')}`}
                </Table.Td>
                <Table.Td>
                  <TlpBadge tlp={m.tlp} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {pager(list.data)}
    </>
  );
}

/** Delivery reports that name no mail of ours (backscatter from forged senders): kept, out of triage. */
function FiledReports() {
  const t = useT();
  const { before, pager } = useSectionPages(OUTBOX_PAGE);
  const list = useQuery({
    queryKey: ['mail-filed', before ?? ''],
    queryFn: () => api<Filed[]>('GET', `/api/mail/filed?limit=${OUTBOX_PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`),
  });
  return (
    <>
      <h2>{t('Delivery reports about no mail of ours')}</h2>
      <ErrorText error={list.error} />
      {list.data?.length === 0 && <p>{t('None: every delivery report so far was about mail we sent.')}</p>}
      {list.data && list.data.length > 0 && (
        <ScrollTable data-testid="filed-reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Received')}</Table.Th>
              <Table.Th>{t('From')}</Table.Th>
              <Table.Th>{t('Subject')}</Table.Th>
              <Table.Th>{t('State')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{when(m.created_at)}</Table.Td>
                <Table.Td>{m.from_address}</Table.Td>
                <Table.Td>{m.subject}</Table.Td>
                <Table.Td>{typeof m.machine_report.outcome === 'string' ? m.machine_report.outcome : m.machine_report.format}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {pager(list.data)}
    </>
  );
}
