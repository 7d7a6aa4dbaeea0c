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
    <main className="login">
      <h1>Vakt</h1>
      <form onSubmit={submit} aria-label={t('Log in')}>
        <label>
          {t('E-mail')}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('Password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {needsTotp && (
          <label>
            {t('One-time code')}
            <input
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
            />
          </label>
        )}
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          {t('Log in')}
        </button>
      </form>
    </main>
  );
}
