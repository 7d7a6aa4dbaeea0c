/**
 * The shell: the login screen until there is a session, then the navigation frame. Later
 * capabilities add their pages to NAV; a page is shown only to those with its permission.
 */
import { Alert, AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setApiLanguage, setCsrfToken, type Session } from './api';
import { browserLanguage, LanguageProvider, translate, useT, type Language } from './i18n';
import { ShortcutHelp, useShortcuts } from './shortcuts';
import { useTheme } from './theme';
import { AccountPage } from './pages/AccountPage';
import { AdvisoriesPage } from './pages/AdvisoriesPage';
import { AuditPage } from './pages/AuditPage';
import { ConstituencyPage } from './pages/ConstituencyPage';
import { DirectoryPage } from './pages/DirectoryPage';
import { FeedsPage } from './pages/FeedsPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { ReportFormPage } from './pages/ReportFormPage';
import { ObservablesPage } from './pages/ObservablesPage';
import { SearchPage } from './pages/SearchPage';
import { MailPage } from './pages/MailPage';
import { MyReportsPage } from './pages/MyReportsPage';
import { ReportsPage } from './pages/ReportsPage';
import { TasksPage } from './pages/TasksPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { TriagePage } from './pages/TriagePage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ProfilePage } from './pages/ProfilePage';
import { UsersPage } from './pages/UsersPage';
import { RetentionPage } from './pages/RetentionPage';

// The chart library is large: load it only for the KPI page.
const KpiPage = lazy(() => import('./pages/KpiPage').then((m) => ({ default: m.KpiPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const CoveragePage = lazy(() => import('./pages/CoveragePage').then((m) => ({ default: m.CoveragePage })));

/** What a page that loads its code on demand shows meanwhile. */
function PageLoading() {
  const t = useT();
  return <p>{t('Loading…')}</p>;
}

interface PageContext {
  session: Session;
  path: string;
  /** The query string (filters, paging): part of the address, so a view can be shared and the back button works. */
  search: URLSearchParams;
  navigate: (path: string) => void;
}

/** The menu's sections: the day's work, the constituency and peer teams, the team's own administration. */
const GROUPS = [
  ['work', 'Work'],
  ['peers', 'Constituency and peers'],
  ['team', 'The team'],
] as const;

interface NavItem {
  path: string;
  label: string;
  group: (typeof GROUPS)[number][0];
  permission: string;
  /** Not shown to those who have this permission (the portal's pages are for constituents, not the team). */
  hiddenWith?: string;
  page: (context: PageContext) => ReactNode;
}

const NAV: NavItem[] = [
  {
    path: '/dashboard',
    label: 'Dashboard',
    group: 'work',
    permission: 'reports:read',
    page: (c) => (
      <Suspense fallback={<PageLoading />}>
        <DashboardPage navigate={c.navigate} canWrite={c.session.permissions.includes('incidents:write')} />
      </Suspense>
    ),
  },
  {
    path: '/triage',
    label: 'Triage',
    group: 'work',
    permission: 'reports:read',
    page: (c) => (
      <TriagePage
        path={c.path}
        navigate={c.navigate}
        rights={{ triage: c.session.permissions.includes('reports:triage'), sendMail: c.session.permissions.includes('mail:send') }}
      />
    ),
  },
  {
    path: '/tasks',
    label: 'Tasks',
    group: 'work',
    permission: 'incidents:write',
    page: (c) => <TasksPage search={c.search} navigate={c.navigate} />,
  },
  {
    path: '/reports',
    label: 'Reports',
    group: 'work',
    permission: 'reports:read',
    page: (c) => <ReportsPage search={c.search} navigate={c.navigate} />,
  },
  {
    path: '/my-reports',
    label: 'My reports',
    group: 'work',
    permission: 'reports:submit',
    hiddenWith: 'reports:read',
    page: (c) => <MyReportsPage path={c.path} navigate={c.navigate} />,
  },
  {
    path: '/incidents',
    label: 'Incidents',
    group: 'work',
    permission: 'incidents:read',
    page: (c) => (
      <IncidentsPage
        path={c.path}
        search={c.search}
        navigate={c.navigate}
        rights={{
          write: c.session.permissions.includes('incidents:write'),
          manage: c.session.permissions.includes('incidents:manage'),
          share: c.session.permissions.includes('sharing:manage'),
          me: c.session.user.id,
        }}
      />
    ),
  },
  {
    path: '/observables',
    label: 'Observables',
    group: 'work',
    permission: 'reports:read',
    page: (c) => <ObservablesPage search={c.search} navigate={c.navigate} />,
  },
  { path: '/report', label: 'Report', group: 'work', permission: 'reports:submit', page: (c) => <ReportFormPage session={c.session} /> },
  {
    path: '/search',
    label: 'Search',
    group: 'work',
    permission: 'reports:read',
    page: (c) => <SearchPage search={c.search} navigate={c.navigate} />,
  },
  {
    path: '/kpi',
    label: 'KPIs',
    group: 'team',
    permission: 'kpi:read',
    page: (c) => (
      <Suspense fallback={<PageLoading />}>
        <KpiPage canManage={c.session.permissions.includes('incidents:manage')} />
      </Suspense>
    ),
  },
  {
    path: '/constituency',
    label: 'Constituency',
    group: 'peers',
    permission: 'constituency:read',
    page: (c) => (
      <ConstituencyPage
        path={c.path}
        search={c.search}
        navigate={c.navigate}
        canWrite={c.session.permissions.includes('constituency:write')}
      />
    ),
  },
  {
    path: '/feeds',
    label: 'Feeds',
    group: 'peers',
    permission: 'feeds:read',
    page: (c) => <FeedsPage canWrite={c.session.permissions.includes('feeds:write')} />,
  },
  {
    path: '/notifications',
    label: 'Notifications',
    group: 'peers',
    permission: 'feeds:read',
    page: (c) => <NotificationsPage canWrite={c.session.permissions.includes('feeds:write')} />,
  },
  {
    path: '/directory',
    label: 'Directory',
    group: 'peers',
    permission: 'directory:read',
    page: (c) => (
      <DirectoryPage
        path={c.path}
        search={c.search}
        navigate={c.navigate}
        canWrite={c.session.permissions.includes('directory:write')}
        canShare={c.session.permissions.includes('sharing:manage')}
        canAdmin={c.session.permissions.includes('users:manage')}
      />
    ),
  },
  {
    path: '/advisories',
    label: 'Advisories',
    group: 'peers',
    permission: 'advisories:read',
    page: (c) => (
      <AdvisoriesPage
        path={c.path}
        navigate={c.navigate}
        rights={{
          write: c.session.permissions.includes('advisories:write'),
          publish: c.session.permissions.includes('advisories:publish'),
          send: c.session.permissions.includes('mail:send'),
          me: `user:${c.session.user.id}`,
        }}
      />
    ),
  },
  {
    path: '/coverage',
    label: 'Coverage',
    group: 'peers',
    permission: 'directory:read',
    page: (c) => (
      <Suspense fallback={<PageLoading />}>
        <CoveragePage canWrite={c.session.permissions.includes('directory:write')} />
      </Suspense>
    ),
  },
  {
    path: '/mail',
    label: 'Mail',
    group: 'team',
    permission: 'keys:manage',
    page: (c) => (
      <MailPage
        rights={{
          settings: c.session.permissions.includes('mail:settings'),
          keys: c.session.permissions.includes('keys:manage'),
          send: c.session.permissions.includes('mail:send'),
        }}
      />
    ),
  },
  {
    path: '/templates',
    label: 'Templates',
    group: 'team',
    permission: 'reports:read',
    page: (c) => <TemplatesPage canManage={c.session.permissions.includes('incidents:manage')} />,
  },
  { path: '/profile', label: 'Team profile', group: 'team', permission: 'profile:read', page: (c) => <ProfilePage session={c.session} /> },
  {
    path: '/users',
    label: 'Users',
    group: 'team',
    permission: 'users:read',
    page: (c) => <UsersPage canManage={c.session.permissions.includes('users:manage')} />,
  },
  {
    path: '/audit',
    label: 'Audit log',
    group: 'team',
    permission: 'audit:read',
    page: (c) => <AuditPage search={c.search} navigate={c.navigate} />,
  },
  { path: '/retention', label: 'Retention', group: 'team', permission: 'retention:manage', page: () => <RetentionPage /> },
  { path: '/account', label: 'My account', group: 'team', permission: 'tokens:own', page: (c) => <AccountPage session={c.session} /> },
];

/** The address as state: the path and the query string; navigate() pushes a history entry. */
function useLocation(): [string, URLSearchParams, (to: string) => void] {
  const here = () => window.location.pathname + window.location.search;
  const [location, setLocation] = useState(here);
  useEffect(() => {
    const onPop = () => setLocation(here());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const url = new URL(location, window.location.origin);
  return [
    url.pathname,
    url.searchParams,
    (to) => {
      window.history.pushState(null, '', to);
      setLocation(to);
    },
  ];
}

export function App() {
  const queryClient = useQueryClient();
  const [path, search, navigate] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [theme, toggleTheme] = useTheme();
  // The account's buttons sit in the header on a wide screen and at the top of the folded menu on a phone.
  const phone = useMediaQuery('(max-width: 61.99em)') ?? false;
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

  // The pages this user may open: the menu, and where the shortcuts may go.
  const has = (permission: string) => session.data?.permissions.includes(permission) ?? false;
  const items = NAV.filter((item) => has(item.permission) && !(item.hiddenWith && has(item.hiddenWith)));
  const [help, setHelp] = useShortcuts(navigate, (to) => items.some((item) => item.path === to));

  const language: Language = session.data?.language ?? browserLanguage();
  const t = (text: string, values?: Record<string, string>) => translate(language, text, values);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  setApiLanguage(language);
  if (session.isPending) return <p className="loading">{t('Loading…')}</p>;
  if (session.isError) return <p role="alert">{t('Vakt is not reachable: {message}', { message: session.error.message })}</p>;
  if (!session.data)
    return (
      <LanguageProvider value={language}>
        <LoginPage onLogin={(s) => queryClient.setQueryData(['session'], s)} />
      </LanguageProvider>
    );

  const current = session.data;
  const roleName: Record<string, string> = {
    admin: t('admin'),
    'incident-manager': t('incident-manager'),
    analyst: t('analyst'),
    constituent: t('constituent'),
    'read-only': t('read-only'),
  };
  setCsrfToken(current.csrfToken);
  const active = items.find((item) => path === item.path || path.startsWith(`${item.path}/`)) ?? items[0];

  const logout = async () => {
    await api('POST', '/api/auth/logout');
    queryClient.setQueryData(['session'], null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };

  const account = (
    <Group gap="xs" wrap="wrap" className="account">
      <Text size="sm" className="who">
        {current.user.name} · {roleName[current.user.role] ?? current.user.role}
      </Text>
      <Button
        variant="default"
        size="xs"
        onClick={() => setHelp(true)}
        aria-label={t('Keyboard shortcuts')}
        title={t('Keyboard shortcuts (?)')}
      >
        ?
      </Button>
      <Button variant="default" size="xs" aria-pressed={theme === 'dark'} onClick={toggleTheme}>
        {t('Dark theme')}
      </Button>
      <Button variant="default" size="xs" onClick={logout}>
        {t('Log out')}
      </Button>
    </Group>
  );

  return (
    <LanguageProvider value={language}>
      <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 'md', collapsed: { mobile: !menuOpen } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Text component="strong" fw={700} size="xl">
              Vakt
            </Text>
            {!phone && account}
            <Burger
              opened={menuOpen}
              onClick={() => setMenuOpen((open) => !open)}
              hiddenFrom="md"
              size="sm"
              aria-label={t('Menu')}
              aria-expanded={menuOpen}
              aria-controls="main-menu"
            />
          </Group>
        </AppShell.Header>
        {/* Folded away on a phone, the menu is hidden, not only moved off the screen: its links are out of the tab order. */}
        <AppShell.Navbar
          aria-label={t('Main menu')}
          id="main-menu"
          p="xs"
          style={phone && !menuOpen ? { visibility: 'hidden' } : undefined}
        >
          <AppShell.Section grow component={ScrollArea}>
            {phone && account}
            {GROUPS.map(([group, title]) => {
              const links = items.filter((item) => item.group === group);
              return (
                links.length > 0 && (
                  <div key={group} role="group" aria-labelledby={`menu-${group}`} className="menu-group">
                    <Text id={`menu-${group}`} size="xs" tt="uppercase" fw={600} c="dimmed" px="sm" mt="sm">
                      {t(title)}
                    </Text>
                    {links.map((item) => (
                      <NavLink
                        key={item.path}
                        href={item.path}
                        label={t(item.label)}
                        active={item === active}
                        aria-current={item === active ? 'page' : undefined}
                        onClick={(e) => {
                          e.preventDefault();
                          setMenuOpen(false);
                          navigate(item.path);
                        }}
                      />
                    ))}
                  </div>
                )
              );
            })}
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          {current.mailDelivery === 'none' && current.permissions.includes('mail:send') && (
            <Alert color="yellow" role="status" mb="md" className="notice">
              {t(
                'Outgoing mail is queued, not sent: no SMTP server is configured. Set VAKT_SMTP_URL and restart Vakt; the queued mail goes out then.',
              )}
            </Alert>
          )}
          <div className="page">
            {active ? active.page({ session: current, path, search, navigate }) : <p>{t('Your role has no pages yet.')}</p>}
          </div>
        </AppShell.Main>
        {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      </AppShell>
    </LanguageProvider>
  );
}
