/**
 * Users: add one, change a role or organisation, disable, set a new password, turn off a lost
 * second factor, lift a lockout. Each change that touches rights ends the user's sessions (the
 * server does that); the buttons say so.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer, type User } from '../api';
import { ActionButton, ActionForm, text, ScrollTable } from '../components';

type Organisation = Answer<'/api/organisations'>['organisations'][number];
const ROLES = ['admin', 'incident-manager', 'analyst', 'constituent', 'read-only'] as const;

export function UsersPage({ canManage }: { canManage: boolean }) {
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<Answer<'/api/users'>>('GET', '/api/users') });
  const organisations = useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<Answer<'/api/organisations'>>('GET', '/api/organisations'),
    enabled: canManage,
  });
  // The forms start from the user's organisation: they wait for the list, or a save would lose it.
  if (users.isPending || (canManage && organisations.isPending)) return <p>Loading users…</p>;
  if (users.isError) return <p role="alert">{users.error.message}</p>;
  const orgs = organisations.data?.organisations ?? [];
  const orgName = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? id) : '—');
  return (
    <section>
      <h1>Users</h1>
      <ScrollTable>
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Organisation</th>
            <th>Second factor</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{orgName(u.organisationId)}</td>
              <td>{u.totpEnabled ? 'TOTP' : '—'}</td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {canManage && (
        <>
          {users.data.map((u) => (
            <UserActions key={`${u.id}${u.role}${String(u.disabled)}${String(u.totpEnabled)}`} user={u} organisations={orgs} />
          ))}
          <AddUser organisations={orgs} />
        </>
      )}
    </section>
  );
}

function OrganisationSelect({ organisations, value }: { organisations: Organisation[]; value: string | null }) {
  return (
    <label>
      Organisation (constituents: the one they belong to)
      <select name="organisationId" defaultValue={value ?? ''}>
        <option value="">(none)</option>
        {value && !organisations.some((o) => o.id === value) && <option value={value}>{value}</option>}
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.kind === 'team' ? `${o.name} (the team)` : o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function RoleSelect({ value }: { value: string }) {
  return (
    <label>
      Role
      <select name="role" defaultValue={value}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
    </label>
  );
}

function UserActions({ user: u, organisations }: { user: User; organisations: Organisation[] }) {
  const base = `/api/users/${u.id}`;
  return (
    <details className="panel">
      <summary>
        Change {u.name} ({u.email})
      </summary>
      <ActionForm
        label={`Save ${u.email}`}
        method="PATCH"
        path={base}
        invalidates={[['users']]}
        toBody={(f) => ({ name: text(f, 'name'), role: text(f, 'role'), organisationId: text(f, 'organisationId') || null })}
      >
        <label>
          Name <input name="name" defaultValue={u.name} required />
        </label>
        <RoleSelect value={u.role} />
        <OrganisationSelect organisations={organisations} value={u.organisationId} />
        <p className="muted">A new role or organisation ends their sessions and API tokens.</p>
      </ActionForm>
      <ActionForm
        label={`Set a new password for ${u.email}`}
        path={`${base}/reset-password`}
        invalidates={[['users']]}
        toBody={(f) => ({ password: text(f, 'password') })}
      >
        <label>
          New password (at least 12 characters; ends their sessions) <input name="password" type="password" autoComplete="new-password" />
        </label>
      </ActionForm>
      <p className="actions">
        {!u.disabled && (
          <ActionButton
            label={`Disable ${u.email}`}
            path={`${base}/disable`}
            invalidates={[['users']]}
            confirm={`Disable ${u.email}? Their sessions and API tokens end now.`}
          />
        )}
        {u.totpEnabled && (
          <ActionButton
            label={`Turn off two-factor for ${u.email}`}
            path={`${base}/reset-totp`}
            invalidates={[['users']]}
            confirm={`Turn off two-factor authentication for ${u.email} (a lost device)? They set it up again after logging in.`}
          />
        )}
        {/* After five failed logins in a row an account is locked for a while; this lifts it. */}
        <ActionButton label={`Unlock ${u.email}`} path={`${base}/unlock`} invalidates={[['users']]} />
      </p>
    </details>
  );
}

function AddUser({ organisations }: { organisations: Organisation[] }) {
  return (
    <details className="panel">
      <summary>Add a user</summary>
      <ActionForm
        label="Add user"
        path="/api/users"
        invalidates={[['users']]}
        toBody={(f) => ({
          email: text(f, 'email'),
          name: text(f, 'name'),
          role: text(f, 'role'),
          password: text(f, 'password'),
          ...(text(f, 'organisationId') ? { organisationId: text(f, 'organisationId') } : {}),
        })}
      >
        <label>
          E-mail <input name="email" type="email" required />
        </label>
        <label>
          Name <input name="name" required />
        </label>
        <RoleSelect value="analyst" />
        <OrganisationSelect organisations={organisations} value={null} />
        <label>
          Password (at least 12 characters; tell them to change it) <input name="password" type="password" autoComplete="new-password" />
        </label>
      </ActionForm>
    </details>
  );
}
