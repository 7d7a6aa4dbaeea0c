/**
 * The shell: the login screen until there is a session, then the navigation frame. Later
 * capabilities add their pages to NAV; a page is shown only to those with its permission.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, type Session } from './api';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { LoginPage } from './pages/LoginPage';
import { ProfilePage } from './pages/ProfilePage';
import { UsersPage } from './pages/UsersPage';

interface NavItem {
  path: string;
  label: string;
  permission: string;
  page: (session: Session) => ReactNode;
}

const NAV: NavItem[] = [
  { path: '/profile', label: 'Team profile', permission: 'profile:read', page: (s) => <ProfilePage session={s} /> },
  { path: '/users', label: 'Users', permission: 'users:read', page: () => <UsersPage /> },
  { path: '/audit', label: 'Audit log', permission: 'audit:read', page: () => <AuditPage /> },
  { path: '/account', label: 'My account', permission: 'tokens:own', page: (s) => <AccountPage session={s} /> },
];

function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return [
    path,
    (next) => {
      window.history.pushState(null, '', next);
      setPath(next);
    },
  ];
}

export function App() {
  const queryClient = useQueryClient();
  const [path, navigate] = usePath();
  const session = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return await api<Session>('GET', '/api/auth/session');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });

  if (session.isPending) return <p className="loading">Loading…</p>;
  if (session.isError) return <p role="alert">Vakt is not reachable: {session.error.message}</p>;
  if (!session.data) return <LoginPage onLogin={(s) => queryClient.setQueryData(['session'], s)} />;

  const current = session.data;
  setCsrfToken(current.csrfToken);
  const items = NAV.filter((item) => current.permissions.includes(item.permission));
  const active = items.find((item) => path.startsWith(item.path)) ?? items[0];

  const logout = async () => {
    await api('POST', '/api/auth/logout');
    queryClient.setQueryData(['session'], null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };

  return (
    <div className="frame">
      <header>
        <strong className="brand">Vakt</strong>
        <nav aria-label="Main">
          {items.map((item) => (
            <a
              key={item.path}
              href={item.path}
              aria-current={item === active ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(item.path);
              }}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <span className="who">
          {current.user.name} · {current.user.role}
        </span>
        <button type="button" onClick={logout}>
          Log out
        </button>
      </header>
      <main>{active ? active.page(current) : <p>Your role has no pages yet.</p>}</main>
    </div>
  );
}
