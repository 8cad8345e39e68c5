import { auth } from '@/lib/auth';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/roles';
import type { NewUserInput } from '@/lib/validation/user';

/**
 * Creates an account through better-auth (it hashes the password). This skips
 * better-auth's own permission checks, so callers check first: the command
 * line is trusted, the admin form checks canManageUsers.
 */
export async function createAccount(input: NewUserInput): Promise<{ id: string; email: string; role: Role }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new AppError('CONFLICT', 'An account with this email address already exists.', {
      email: `An account with the email address ${input.email} already exists`,
    });
  }
  const name = input.name || input.email.split('@')[0];
  const { user } = await auth.api.createUser({ body: { email: input.email, password: input.password, name, role: input.role } });
  return { id: user.id, email: user.email, role: input.role };
}
