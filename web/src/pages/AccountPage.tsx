import { Button, Checkbox, NativeSelect, Table, TextInput } from '@mantine/core';
/** The user's own security: two-factor authentication, API tokens, and ending every session. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorText, ScrollTable } from '../components';
import { LANGUAGES, useT } from '../i18n';
import { api, type Answer, type Session } from '../api';

type Token = Answer<'/api/tokens'>[number];

export function AccountPage({ session }: { session: Session }) {
  const t = useT();
  return (
    <section>
      <h1>{t('My account')}</h1>
      <p className="muted">
        {session.user.name} · {session.user.email} · {session.user.role}
      </p>
      <LanguageChoice session={session} />
      <TwoFactor enabled={session.user.totpEnabled} />
      <Tokens />
      <EverySession />
    </section>
  );
}

/** The interface's language: mine, or the team's (from its profile) when I choose none. */
function LanguageChoice({ session }: { session: Session }) {
  const t = useT();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: string) => api<Session>('PUT', '/api/auth/language', { language: language || null }),
    onSuccess: (answer) => queryClient.setQueryData(['session'], answer),
  });
  const teams = LANGUAGES.find(([code]) => code === session.language)?.[1] ?? session.language;
  return (
    <fieldset>
      <legend>{t('Language')}</legend>
      <form
        aria-label={t('Language')}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(String(new FormData(e.currentTarget).get('language') ?? ''));
        }}
      >
        <NativeSelect label={t('Language')} name="language" defaultValue={session.languageChoice ?? ''}>
          <option value="">{session.languageChoice ? t("The team's") : t("The team's ({language})", { language: teams })}</option>
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" disabled={save.isPending}>
          {t('Save language')}
        </Button>
      </form>
      <ErrorText error={save.error} />
    </fieldset>
  );
}

/** For a lost laptop or a leaked token: every session and token of mine ends, this one too. */
function EverySession() {
  const t = useT();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: () => api('POST', '/api/auth/logout-everywhere'),
    onSuccess: () => queryClient.setQueryData(['session'], null),
  });
  const confirmAndEnd = () => {
    if (window.confirm(t('End every session and revoke every API token of yours, including this session?'))) end.mutate();
  };
  return (
    <fieldset>
      <legend>{t('Sessions')}</legend>
      <p>{t('Log out on every device and revoke all your API tokens, for instance after losing a laptop.')}</p>
      <Button variant="default" onClick={confirmAndEnd} disabled={end.isPending}>
        {t('Log out everywhere')}
      </Button>
      {end.isError && <p role="alert">{end.error.message}</p>}
    </fieldset>
  );
}

function TwoFactor({ enabled }: { enabled: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['session'] });

  const run = async (body: () => Promise<void>) => {
    setError('');
    try {
      await body();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const enrol = () => run(async () => setEnrolment(await api('POST', '/api/auth/totp/enrol')));
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', enabled ? '/api/auth/totp/disable' : '/api/auth/totp/confirm', { code });
      setEnrolment(null);
      setCode('');
      await refresh();
    });
  };

  return (
    <fieldset>
      <legend>{t('Two-factor authentication')}</legend>
      <p>{enabled ? t('On: logging in asks for a code from your authenticator app.') : t('Off.')}</p>
      {!enabled && !enrolment && (
        <Button variant="default" onClick={enrol}>
          {t('Set up two-factor authentication')}
        </Button>
      )}
      {enrolment && (
        <>
          <p>{t('Scan this code with your authenticator app, or enter the key by hand (TOTP, 6 digits, 30 seconds):')}</p>
          <QrCode text={enrolment.uri} label={t('QR code of the two-factor key for your authenticator app')} />
          <p>
            <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
        </>
      )}
      {(enabled || enrolment) && (
        <form onSubmit={confirm} aria-label={enabled ? t('Turn off two-factor authentication') : t('Confirm two-factor authentication')}>
          <TextInput
            label={t('Code from the app')}
            name="code"
            inputMode="numeric"
            pattern="[0-9]{6}"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit">{enabled ? t('Turn off') : t('Turn on')}</Button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </fieldset>
  );
}

const SCOPES = ['read', 'write', 'admin'] as const;

function Tokens() {
  const t = useT();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api<Token[]>('GET', '/api/tokens') });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [shown, setShown] = useState('');
  const create = useMutation({
    mutationFn: () => api<Token & { token: string }>('POST', '/api/tokens', { name, scopes }),
    onSuccess: async (created) => {
      setShown(created.token);
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });

  return (
    <fieldset>
      <legend>{t('API tokens')}</legend>
      <form
        aria-label={t('New API token')}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <TextInput label={t('Name')} name="token-name" required value={name} onChange={(e) => setName(e.target.value)} />
        <div className="actions">
          {SCOPES.map((scope) => (
            <Checkbox
              key={scope}
              label={scope}
              checked={scopes.includes(scope)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
              }}
            />
          ))}
        </div>
        <Button type="submit" disabled={create.isPending}>
          {t('Create token')}
        </Button>
        {create.isError && <p role="alert">{create.error.message}</p>}
      </form>
      {shown && (
        <p role="status">
          {t('Copy it now, it is not shown again:')} <code data-testid="new-token">{shown}</code>
        </p>
      )}
      <ScrollTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Name')}</Table.Th>
            <Table.Th>{t('Token')}</Table.Th>
            <Table.Th>{t('Scopes')}</Table.Th>
            <Table.Th>{t('Last used')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.data?.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <code>{token.prefix}…</code>
              </Table.Td>
              <Table.Td>{token.scopes.join(', ')}</Table.Td>
              <Table.Td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : t('never')}</Table.Td>
              <Table.Td>
                {token.revoked ? (
                  t('revoked')
                ) : (
                  <Button variant="default" onClick={() => revoke.mutate(token.id)}>
                    {t('Revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </fieldset>
  );
}

/** A QR code drawn in the browser: the key never leaves the page for an image service. */
function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(text, { margin: 2, width: 200, errorCorrectionLevel: 'M' }).then(setSrc);
  }, [text]);
  return src ? <img src={src} alt={label} width={200} height={200} data-testid="totp-qr" className="qr" /> : null;
}
