/**
 * Who may do what. Routes ask `can(principal, permission)`; no route checks a role by name.
 * API tokens narrow their owner's rights by scope: a token never has more than its user.
 */
export const ROLES = ['admin', 'incident-manager', 'analyst', 'constituent', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'profile:read',
  'profile:write',
  'users:read',
  'users:manage',
  'audit:read',
  'tokens:own',
  'reports:read',
  'reports:submit',
  'reports:triage',
  'incidents:read',
  'incidents:write',
  'incidents:manage',
  'mail:send',
  'mail:settings',
  'keys:manage',
  'kpi:read',
  'directory:read',
  'directory:write',
  'constituency:read',
  'constituency:write',
  'feeds:read',
  'feeds:write',
  'advisories:read',
  'advisories:write',
  /** Publish an approved advisory as the team's: it leaves under the team's name and key. */
  'advisories:publish',
  /** Run the retention policy by hand and see what it would do: an administrator's duty. */
  'retention:manage',
  /** Decide what each peer team receives (its sharing profile): a policy, not an analyst's call. */
  'sharing:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  'incident-manager': [
    'profile:read',
    'profile:write',
    'users:read',
    'audit:read',
    'tokens:own',
    'reports:read',
    'reports:submit',
    'reports:triage',
    'incidents:read',
    'incidents:write',
    'incidents:manage',
    'mail:send',
    'mail:settings',
    'keys:manage',
    'kpi:read',
    'directory:read',
    'directory:write',
    'constituency:read',
    'constituency:write',
    'feeds:read',
    'feeds:write',
    'advisories:read',
    'advisories:write',
    'advisories:publish',
    'sharing:manage',
  ],
  analyst: [
    'profile:read',
    'users:read',
    'tokens:own',
    'reports:read',
    'reports:submit',
    'reports:triage',
    'incidents:read',
    'incidents:write',
    'mail:send',
    'keys:manage',
    'kpi:read',
    'directory:read',
    'directory:write',
    'constituency:read',
    'constituency:write',
    'feeds:read',
    'feeds:write',
    'advisories:read',
    'advisories:write',
  ],
  // Constituents read only the incidents they take part in, and only what is shared with them.
  constituent: ['profile:read', 'tokens:own', 'reports:submit', 'incidents:read'],
  'read-only': [
    'profile:read',
    'users:read',
    'audit:read',
    'reports:read',
    'incidents:read',
    'kpi:read',
    'directory:read',
    'constituency:read',
    'feeds:read',
    'advisories:read',
  ],
};

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The scope a token needs for a permission: reading, changing, or administering. */
function scopeFor(permission: Permission): TokenScope {
  if (permission.endsWith(':read')) return 'read';
  return permission === 'users:manage' || permission === 'mail:settings' || permission === 'retention:manage' ? 'admin' : 'write';
}

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  /** Present when the request came with an API token instead of a session. */
  tokenScopes?: readonly TokenScope[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(principal: Principal, permission: Permission): boolean {
  if (!GRANTS[principal.role].includes(permission)) return false;
  if (!principal.tokenScopes) return true;
  // 'tokens:own' is never reachable by token: a leaked token cannot mint more tokens.
  if (permission === 'tokens:own') return false;
  return principal.tokenScopes.includes(scopeFor(permission));
}

export function permissionsOf(principal: Principal): Permission[] {
  return PERMISSIONS.filter((p) => can(principal, p));
}

export function actorOf(principal: Principal): string {
  return `user:${principal.userId}`;
}
