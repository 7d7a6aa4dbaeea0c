import { Button, NativeSelect, TextInput } from '@mantine/core';
/**
 * Users: add one, change a role or organisation, disable, set a new password, turn off a lost
 * second factor, lift a lockout. Each change that touches rights ends the user's sessions (the
 * server does that); the buttons say so.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { api, type Answer, type User } from '../api';
import { ActionButton, ActionForm, text, useNextPages } from '../components';
import { DataTable } from '../data-table';
import { OrganisationPicker, useOrganisationNames } from '../organisation-picker';
import { useT } from '../i18n';

type Names = ReturnType<typeof useOrganisationNames>;
type UserPage = Answer<'/api/users'>;
const column = createColumnHelper<UserPage['users'][number]>();
const ROLES = ['admin', 'incident-manager', 'analyst', 'constituent', 'read-only'] as const;

const PAGE = 50;

export function UsersPage({ canManage }: { canManage: boolean }) {
  const t = useT();
  const [filter, setFilter] = useState<{ q: string; role: string }>({ q: '', role: '' });
  const { after, pager, restart } = useNextPages();
  const query = new URLSearchParams({
    limit: String(PAGE),
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(after ? { after } : {}),
  });
  const users = useQuery({ queryKey: ['users', query.toString()], queryFn: () => api<UserPage>('GET', `/api/users?${query}`) });
  const names = useOrganisationNames((users.data?.users ?? []).map((u) => u.organisationId));
  return (
    <section>
      <h1>{t('Users')}</h1>
      <form
        className="filters"
        aria-label={t('Find users')}
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setFilter({ q: text(f, 'q'), role: text(f, 'role') });
          restart();
        }}
      >
        <TextInput label={t('Words')} name="q" type="search" placeholder={t('address or name')} defaultValue={filter.q} />
        <NativeSelect label={t('Role')} name="role" defaultValue={filter.role}>
          <option value="">{t('any')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit">{t('Find')}</Button>
      </form>
      <UserList users={users} names={names} canManage={canManage} />
      {pager(users.data?.next)}
      {canManage && <AddUser />}
    </section>
  );
}

function UserList({ users, names, canManage }: { users: UseQueryResult<UserPage>; names: Names; canManage: boolean }) {
  const t = useT();
  // The forms start from the user's organisation: they wait for its name, or a save would lose it.
  if (users.isPending || names.pending) return <p>{t('Loading users…')}</p>;
  if (users.isError) return <p role="alert">{users.error.message}</p>;
  if (users.data.users.length === 0) return <p>{t('No user matches.')}</p>;
  return (
    <>
      <DataTable
        name="users"
        rows={users.data.users}
        rowId={(u) => u.id}
        columns={[
          column.accessor('name', { header: t('Name') }),
          column.accessor('email', { header: t('E-mail') }),
          column.accessor('role', { header: t('Role') }),
          column.accessor('organisationId', { header: t('Organisation'), cell: ({ getValue }) => names.name(getValue()) }),
          column.accessor('totpEnabled', { header: t('Second factor'), cell: ({ getValue }) => (getValue() ? 'TOTP' : '—') }),
          column.accessor('disabled', { header: t('Status'), cell: ({ getValue }) => (getValue() ? t('disabled') : t('active')) }),
        ]}
      />
      {canManage &&
        users.data.users.map((u) => (
          <UserActions key={`${u.id}${u.role}${String(u.disabled)}${String(u.totpEnabled)}`} user={u} names={names} />
        ))}
    </>
  );
}

function OrganisationChoice({ value, names }: { value: string | null; names?: Names }) {
  const t = useT();
  return (
    <OrganisationPicker
      name="organisationId"
      legend={t('Organisation (constituents: the one they belong to)')}
      chosen={value && names ? [{ id: value, name: names.name(value) }] : []}
    />
  );
}

function RoleSelect({ value }: { value: string }) {
  const t = useT();
  return (
    <NativeSelect label={t('Role')} name="role" defaultValue={value}>
      {ROLES.map((r) => (
        <option key={r}>{r}</option>
      ))}
    </NativeSelect>
  );
}

function UserActions({ user: u, names }: { user: User; names: Names }) {
  const t = useT();
  const base = `/api/users/${u.id}`;
  const email = u.email;
  return (
    <details className="panel">
      <summary>{t('Change {name} ({email})', { name: u.name, email })}</summary>
      <ActionForm
        label={t('Save {email}', { email })}
        method="PATCH"
        path={base}
        invalidates={[['users']]}
        toBody={(f) => ({ name: text(f, 'name'), role: text(f, 'role'), organisationId: text(f, 'organisationId') || null })}
      >
        <TextInput label={t('Name')} name="name" defaultValue={u.name} required />
        <RoleSelect value={u.role} />
        <OrganisationChoice value={u.organisationId} names={names} />
        <p className="muted">{t('A new role or organisation ends their sessions and API tokens.')}</p>
      </ActionForm>
      <ActionForm
        label={t('Set a new password for {email}', { email })}
        path={`${base}/reset-password`}
        invalidates={[['users']]}
        toBody={(f) => ({ password: text(f, 'password') })}
      >
        <TextInput
          label={t('New password (at least 12 characters; ends their sessions)')}
          name="password"
          type="password"
          autoComplete="new-password"
        />
      </ActionForm>
      <p className="actions">
        {!u.disabled && (
          <ActionButton
            label={t('Disable {email}', { email })}
            path={`${base}/disable`}
            invalidates={[['users']]}
            confirm={t('Disable {email}? Their sessions and API tokens end now.', { email })}
          />
        )}
        {u.totpEnabled && (
          <ActionButton
            label={t('Turn off two-factor for {email}', { email })}
            path={`${base}/reset-totp`}
            invalidates={[['users']]}
            confirm={t('Turn off two-factor authentication for {email} (a lost device)? They set it up again after logging in.', { email })}
          />
        )}
        {/* After five failed logins in a row an account is locked for a while; this lifts it. */}
        <ActionButton label={t('Unlock {email}', { email })} path={`${base}/unlock`} invalidates={[['users']]} />
      </p>
    </details>
  );
}

function AddUser() {
  const t = useT();
  return (
    <details className="panel">
      <summary>{t('Add a user')}</summary>
      <ActionForm
        label={t('Add user')}
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
        <TextInput label={t('E-mail')} name="email" type="email" required />
        <TextInput label={t('Name')} name="name" required />
        <RoleSelect value="analyst" />
        <OrganisationChoice value={null} />
        <TextInput
          label={t('Password (at least 12 characters; tell them to change it)')}
          name="password"
          type="password"
          autoComplete="new-password"
        />
      </ActionForm>
    </details>
  );
}
