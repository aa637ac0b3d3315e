/**
 * Roles and what each may do. Routes name a permission, never a role, so a
 * new role or a changed grant is one edit here.
 */
export type Role = 'admin' | 'triage' | 'ingest' | 'read-only';
export const ROLES: readonly Role[] = ['admin', 'triage', 'ingest', 'read-only'];

export type Permission =
  /** List and read findings and block events. */
  | 'findings:read'
  /** Change a finding's triage state, request re-checks (console, issue 6). */
  | 'findings:triage'
  /** Send block events (hooks). */
  | 'events:write'
  /** Scan a text or diff synchronously (CI). */
  | 'scan:run'
  /** Enqueue history scans and read their progress. */
  | 'scans:write'
  | 'scans:read'
  /** Read the audit log and verify its chain. */
  | 'audit:read'
  /** Mint, list and revoke tokens. */
  | 'tokens:manage';

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['findings:read', 'findings:triage', 'events:write', 'scan:run', 'scans:write', 'scans:read', 'audit:read', 'tokens:manage'],
  triage: ['findings:read', 'findings:triage', 'scan:run', 'scans:write', 'scans:read', 'audit:read'],
  ingest: ['events:write', 'scan:run', 'scans:write', 'scans:read'],
  'read-only': ['findings:read', 'scans:read'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
