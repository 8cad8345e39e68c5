import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { roleSchema, type SessionUser } from '@/lib/roles';

/** The signed-in user, or null. A disabled account or an unknown role counts as signed out. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session || session.user.banned) return null;
  const role = roleSchema.safeParse(session.user.role);
  if (!role.success) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email, role: role.data };
}

/**
 * For server actions and route handlers: the user if `allowed(user)`, else a
 * typed error (UNAUTHORIZED when signed out, FORBIDDEN when the role is too low).
 */
export async function requireUser(allowed: (user: SessionUser | null) => user is SessionUser): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('UNAUTHORIZED', 'Your session has ended. Sign in again to continue.');
  if (!allowed(user)) throw new AppError('FORBIDDEN', 'Your account is not allowed to do this.');
  return user;
}

/** For admin pages: sends a signed-out visitor to /login (and back afterwards), answers 403 to a low role. */
export async function requirePageUser(
  allowed: (user: SessionUser | null) => user is SessionUser,
  returnTo: string,
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!allowed(user)) forbidden();
  return user;
}
