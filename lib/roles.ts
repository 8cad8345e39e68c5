import { z } from 'zod';

/** Readers need no account; editors edit content; admins also manage accounts and imports. */
export const ROLES = ['editor', 'admin'] as const;
export const roleSchema = z.enum(ROLES, { error: 'The role must be "editor" or "admin"' });
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = { editor: 'Editor', admin: 'Admin' };

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Named permission checks: every server action and route handler asks one of these. */
export function canEditContent(user: SessionUser | null): user is SessionUser {
  return user !== null && (user.role === 'editor' || user.role === 'admin');
}

export function canManageUsers(user: SessionUser | null): user is SessionUser {
  return user !== null && user.role === 'admin';
}

export function canImportData(user: SessionUser | null): user is SessionUser {
  return user !== null && user.role === 'admin';
}
