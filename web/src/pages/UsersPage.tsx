/**
 * Users: add one, change a role or organisation, disable, set a new password, turn off a lost
 * second factor, lift a lockout. Each change that touches rights ends the user's sessions (the
 * server does that); the buttons say so.
 */
import { useQuery } from '@tanstack/react-query';
import { api, type Answer, type User } from '../api';
import { ActionButton, ActionForm, text, ScrollTable } from '../components';
import { OrganisationPicker, useOrganisationNames } from '../organisation-picker';

type Names = ReturnType<typeof useOrganisationNames>;
const ROLES = ['admin', 'incident-manager', 'analyst', 'constituent', 'read-only'] as const;

export function UsersPage({ canManage }: { canManage: boolean }) {
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<Answer<'/api/users'>>('GET', '/api/users') });
  const names = useOrganisationNames((users.data ?? []).map((u) => u.organisationId));
  // The forms start from the user's organisation: they wait for its name, or a save would lose it.
  if (users.isPending || names.pending) return <p>Loading users…</p>;
  if (users.isError) return <p role="alert">{users.error.message}</p>;
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
              <td>{names.name(u.organisationId)}</td>
              <td>{u.totpEnabled ? 'TOTP' : '—'}</td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {canManage && (
        <>
          {users.data.map((u) => (
            <UserActions key={`${u.id}${u.role}${String(u.disabled)}${String(u.totpEnabled)}`} user={u} names={names} />
          ))}
          <AddUser />
        </>
      )}
    </section>
  );
}

function OrganisationChoice({ value, names }: { value: string | null; names?: Names }) {
  return (
    <OrganisationPicker
      name="organisationId"
      legend="Organisation (constituents: the one they belong to)"
      chosen={value && names ? [{ id: value, name: names.name(value) }] : []}
    />
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

function UserActions({ user: u, names }: { user: User; names: Names }) {
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
        <OrganisationChoice value={u.organisationId} names={names} />
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

function AddUser() {
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
        <OrganisationChoice value={null} />
        <label>
          Password (at least 12 characters; tell them to change it) <input name="password" type="password" autoComplete="new-password" />
        </label>
      </ActionForm>
    </details>
  );
}
