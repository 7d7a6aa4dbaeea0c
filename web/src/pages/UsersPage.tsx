import { useQuery } from '@tanstack/react-query';
import { api, type User } from '../api';
import { ActionButton } from '../components';

export function UsersPage() {
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<User[]>('GET', '/api/users') });
  if (users.isPending) return <p>Loading users…</p>;
  if (users.isError) return <p role="alert">{users.error.message}</p>;
  return (
    <section>
      <h1>Users</h1>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Second factor</th>
            <th>Status</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{u.totpEnabled ? 'TOTP' : '—'}</td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
              <td>
                {/* After five failed logins in a row an account is locked for a while; this lifts it. */}
                <ActionButton label="Unlock" path={`/api/users/${u.id}/unlock`} invalidates={[['users']]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
