import { db } from '@/lib/db';
import { serializeOn } from '@/lib/sql-dialect';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/db';
import { roleSchema, type Role, type SessionUser } from '@/lib/roles';

/**
 * Account management for admins. Callers check canManageUsers first.
 *
 * Role changes and disabling write through Prisma rather than better-auth's
 * setRole/banUser: those check and write in separate statements, so two admins
 * demoting or disabling each other at the same moment could leave no admin.
 * Here the change and the check that an active admin remains commit together.
 * Disabling sets better-auth's `banned` flag, so sign-in refuses the account,
 * and deletes its sessions in the same transaction.
 */

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is not one this app knows (such an account cannot sign in). */
  role: Role | null;
  disabled: boolean;
  createdAt: Date;
}

const accountSelect = { id: true, name: true, email: true, role: true, banned: true, createdAt: true } satisfies Prisma.UserSelect;
type AccountRow = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

const ACTIVE_ADMIN = { role: 'admin', OR: [{ banned: false }, { banned: null }] } satisfies Prisma.UserWhereInput;

function summaryOf(row: AccountRow): AccountSummary {
  const role = roleSchema.safeParse(row.role);
  return { id: row.id, name: row.name, email: row.email, role: role.success ? role.data : null, disabled: row.banned === true, createdAt: row.createdAt };
}

/** Every account, oldest first. */
export async function listUsers(): Promise<AccountSummary[]> {
  const rows = await db.user.findMany({ select: accountSelect, orderBy: [{ createdAt: 'asc' }, { email: 'asc' }] });
  return rows.map(summaryOf);
}

/** One account by id, or null. */
export async function getUser(id: string): Promise<AccountSummary | null> {
  const row = await db.user.findUnique({ where: { id }, select: accountSelect });
  return row ? summaryOf(row) : null;
}

/**
 * Runs a change to one account and commits it only if an active admin remains
 * afterwards. Account changes serialise on one lock (serializeOn: SQLite
 * serialises every writer anyway; PostgreSQL would otherwise let two admins
 * demote each other at once, each count still seeing the other), so a
 * concurrent change is either seen by this count or sees this one.
 */
async function changeAccount(userId: string, lastAdminMessage: string, change: (tx: Prisma.TransactionClient) => Promise<void>): Promise<AccountSummary> {
  return db.$transaction(async (tx) => {
    await serializeOn(tx, ['account-roles']);
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw new AppError('NOT_FOUND', 'This account no longer exists.');
    await change(tx);
    if ((await tx.user.count({ where: ACTIVE_ADMIN })) === 0) throw new AppError('INVALID', lastAdminMessage);
    return summaryOf(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: accountSelect }));
  });
}

/** Makes an account an editor or an admin. An admin cannot remove their own admin role. */
export async function changeRole(actor: SessionUser, userId: string, role: Role): Promise<AccountSummary> {
  if (userId === actor.id && role !== 'admin') {
    throw new AppError('INVALID', 'You cannot remove your own admin role. Another admin can change it for you.');
  }
  return changeAccount(userId, 'This is the last active admin: make another account an admin before changing this role.', async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
  });
}

/** Disables an account (it cannot sign in and its sessions end at once) or enables it again. */
export async function setDisabled(actor: SessionUser, userId: string, disabled: boolean): Promise<AccountSummary> {
  if (userId === actor.id && disabled) {
    throw new AppError('INVALID', 'You cannot disable your own account. Another admin can do it for you.');
  }
  return changeAccount(userId, 'This is the last active admin: make another account an admin before disabling this one.', async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { banned: disabled, banReason: disabled ? `Disabled by ${actor.email}` : null, banExpires: null },
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
  });
}
