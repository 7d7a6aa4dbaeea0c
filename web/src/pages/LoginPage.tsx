import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, ApiError, type Session } from '../api';
import { useT } from '../i18n';

export function LoginPage({ onLogin }: { onLogin: (session: Session) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onLogin(await api<Session>('POST', '/api/auth/login', { email, password, ...(needsTotp ? { totp } : {}) }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp-required') setNeedsTotp(true);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="main" className="login" shadow="sm" p="xl" radius="md" maw="22rem" mx="auto" my="8vh">
      <Title order={1} mb="md">
        Vakt
      </Title>
      <form onSubmit={submit} aria-label={t('Log in')}>
        <Stack gap="sm">
          <TextInput
            label={t('E-mail')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('Password')}
            name="password"
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('Show what is typed') }}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {needsTotp && (
            <TextInput
              label={t('One-time code')}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              value={totp}
              onChange={(e) => setTotp(e.currentTarget.value)}
            />
          )}
          {error && (
            <Text c="red.8" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" loading={busy}>
            {t('Log in')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
