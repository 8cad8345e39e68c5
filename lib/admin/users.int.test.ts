import { randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeRoleAction, createUserAction, setAccountDisabledAction } from '@/app/admin/users/actions';
import AdminUsersPage from '@/app/admin/users/page';
import { changeRole, setDisabled } from '@/lib/admin/users';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { signIn } from '@/lib/sign-in';
import { createAccount } from '@/lib/users';
import { dataChanges, NavigationSignal, requestContext } from '../../tests/integration/next-mocks';
import { signInAs, signOut, submit, TEST_PASSWORD } from '../../tests/integration/requests';

const uniqueEmail = () => `users-${randomUUID()}@example.test`;
/** Sign-in throttle counters are per client address, in the shared database. */
const fromUniqueAddress = () => new Headers({ 'x-forwarded-for': `10.${[...randomBytes(3)].join('.')}` });
const updatedPage = (email: string) => `/admin/users?updated=${encodeURIComponent(email)}`;

async function editorAccount(): Promise<{ id: string; email: string }> {
  return createAccount({ email: uniqueEmail(), password: TEST_PASSWORD, role: 'editor' });
}

async function stored(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: { role: true, banned: true, _count: { select: { sessions: true } } } });
}

describe('account actions', () => {
  beforeEach(() => signOut());

  const callers = [
    { caller: 'an anonymous caller', become: async () => signOut(), message: /sign in again/i },
    { caller: 'an editor', become: async () => {
      await signInAs('editor');
    }, message: /not allowed/i },
  ];

  it.each(callers)('refuses $caller in every action and writes nothing', async ({ become, message }) => {
    const target = await signInAs('editor');
    const before = await stored(target.id);
    expect(before._count.sessions).toBe(1);
    await become();

    const email = uniqueEmail();
    const created = await submit(createUserAction, { email, name: 'Intruder', password: TEST_PASSWORD, role: 'admin' });
    const promoted = await submit(changeRoleAction, { userId: target.id, role: 'admin' });
    const disabled = await submit(setAccountDisabledAction, { userId: target.id, disabled: 'true' });

    for (const state of [created, promoted, disabled]) {
      expect(state.status).toBe('error');
      expect(state.message).toMatch(message);
      expect(state.redirectedTo).toBeUndefined();
    }
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    expect(await stored(target.id)).toEqual(before);
  });

  it.each(callers)('answers $caller at /admin/users with the sign-in page or 403', async ({ become }) => {
    await become();
    const signedIn = await getCurrentUser();
    const outcome = await AdminUsersPage({ searchParams: Promise.resolve({}) }).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(NavigationSignal);
    expect(outcome).toMatchObject(signedIn ? { kind: 'forbidden' } : { kind: 'redirect', url: '/login?next=%2Fadmin%2Fusers' });
  });

  it('lets an admin create an account that can then sign in', async () => {
    await signInAs('admin');
    const email = uniqueEmail();
    dataChanges.mark();
    const state = await submit(createUserAction, { email: `  ${email.toUpperCase()} `, name: 'Nora New', password: TEST_PASSWORD, role: 'admin' });
    expect(state.redirectedTo).toBe(`/admin/users?created=${encodeURIComponent(email)}`);
    expect(dataChanges.since()).toBeGreaterThan(0);
    expect(await db.user.findUnique({ where: { email }, select: { name: true, role: true, banned: true } })).toEqual({
      name: 'Nora New',
      role: 'admin',
      banned: false,
    });
    expect(await signIn({ email, password: TEST_PASSWORD }, fromUniqueAddress())).toMatchObject({ ok: true });
  });

  it('refuses a weak password and a duplicate email with field errors, and keeps what was typed except the password', async () => {
    await signInAs('admin');
    const email = uniqueEmail();
    const weak = await submit(createUserAction, { email, name: 'Weak', password: 'password1234', role: 'editor' });
    expect(weak.status).toBe('error');
    expect(weak.errors?.password).toMatch(/^This password is too easy to guess/);
    expect(weak.values).toEqual({ email, name: 'Weak', role: 'editor' });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    const badRole = await submit(createUserAction, { email, name: '', password: TEST_PASSWORD, role: 'owner' });
    expect(badRole.errors?.role).toBe('The role must be "editor" or "admin"');

    await submit(createUserAction, { email, name: '', password: TEST_PASSWORD, role: 'editor' });
    const duplicate = await submit(createUserAction, { email: email.toUpperCase(), name: 'Twin', password: TEST_PASSWORD, role: 'editor' });
    expect(duplicate.status).toBe('error');
    expect(duplicate.errors?.email).toBe(`An account with the email address ${email} already exists`);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('two admins creating the same email at once: one account is created, the other gets the email field message, never a 500', async () => {
    await signInAs('admin');
    const email = uniqueEmail();
    const outcomes = await Promise.all([
      submit(createUserAction, { email, name: 'First', password: TEST_PASSWORD, role: 'editor' }),
      submit(createUserAction, { email, name: 'Second', password: TEST_PASSWORD, role: 'editor' }),
    ]);
    const refused = outcomes.filter((outcome) => outcome.status === 'error');
    expect(refused, JSON.stringify(outcomes)).toHaveLength(1);
    expect(refused[0].errors?.email).toMatch(/already exists/);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('changes a role, and the account\'s open session has the new role at once', async () => {
    const target = await signInAs('editor');
    const targetSession = requestContext.headers;
    const admin = await signInAs('admin');
    const adminSession = requestContext.headers;

    expect(await submit(changeRoleAction, { userId: target.id, role: 'admin' })).toMatchObject({ redirectedTo: updatedPage(target.email) });
    expect((await stored(target.id)).role).toBe('admin');
    requestContext.headers = targetSession;
    expect(await getCurrentUser()).toMatchObject({ id: target.id, role: 'admin' });

    requestContext.headers = adminSession;
    await submit(changeRoleAction, { userId: target.id, role: 'editor' });
    requestContext.headers = targetSession;
    expect(await getCurrentUser()).toMatchObject({ id: target.id, role: 'editor' });
    expect(admin.role).toBe('admin');
  });

  it('disables an account: its session ends and sign-in says it is disabled; enabling restores sign-in', async () => {
    const target = await signInAs('editor');
    const targetSession = requestContext.headers;
    expect(await getCurrentUser()).toMatchObject({ id: target.id });
    await signInAs('admin');
    const adminSession = requestContext.headers;

    expect(await submit(setAccountDisabledAction, { userId: target.id, disabled: 'true' })).toMatchObject({ redirectedTo: updatedPage(target.email) });
    expect(await stored(target.id)).toMatchObject({ banned: true, _count: { sessions: 0 } });
    requestContext.headers = targetSession;
    expect(await getCurrentUser()).toBeNull();
    expect(await signIn({ email: target.email, password: TEST_PASSWORD }, fromUniqueAddress())).toEqual({
      ok: false,
      message: 'This account is disabled. Ask an admin to enable it.',
    });

    requestContext.headers = adminSession;
    expect(await submit(setAccountDisabledAction, { userId: target.id, disabled: 'false' })).toMatchObject({ redirectedTo: updatedPage(target.email) });
    expect((await stored(target.id)).banned).toBe(false);
    expect(await signIn({ email: target.email, password: TEST_PASSWORD }, fromUniqueAddress())).toMatchObject({ ok: true });
  });

  it('refuses an unknown account and an invalid change without writing', async () => {
    await signInAs('admin');
    const target = await editorAccount();
    expect(await submit(changeRoleAction, { userId: 'no-such-account', role: 'admin' })).toMatchObject({ status: 'error', message: 'This account no longer exists.' });
    expect(await submit(changeRoleAction, { userId: target.id, role: 'owner' })).toMatchObject({ status: 'error', message: 'The role must be "editor" or "admin"' });
    expect(await submit(setAccountDisabledAction, { userId: target.id, disabled: 'maybe' })).toMatchObject({ status: 'error' });
    expect(await stored(target.id)).toMatchObject({ role: 'editor', banned: false });
  });
});

describe('admin guard rails', () => {
  beforeEach(() => signOut());

  it('refuses an admin disabling themself or removing their own admin role', async () => {
    const admin = await signInAs('admin');
    const disabled = await submit(setAccountDisabledAction, { userId: admin.id, disabled: 'true' });
    expect(disabled).toMatchObject({ status: 'error', message: 'You cannot disable your own account. Another admin can do it for you.' });
    const demoted = await submit(changeRoleAction, { userId: admin.id, role: 'editor' });
    expect(demoted).toMatchObject({ status: 'error', message: 'You cannot remove your own admin role. Another admin can change it for you.' });
    expect(await stored(admin.id)).toMatchObject({ role: 'admin', banned: false, _count: { sessions: 1 } });
    expect(await getCurrentUser()).toMatchObject({ id: admin.id, role: 'admin' });
  });

  /**
   * Two admins removing each other at the same moment: each request passed its
   * permission check while the other was still an admin. The other admins in the
   * shared database are made editors for the duration, then restored.
   */
  async function withOnlyTheseActiveAdmins(admins: SessionUser[], run: () => Promise<void>): Promise<void> {
    const others = await db.user.findMany({
      where: { role: 'admin', id: { notIn: admins.map((admin) => admin.id) }, OR: [{ banned: false }, { banned: null }] },
      select: { id: true },
    });
    const ids = others.map((other) => other.id);
    await db.user.updateMany({ where: { id: { in: ids } }, data: { role: 'editor' } });
    try {
      await run();
    } finally {
      await db.user.updateMany({ where: { id: { in: ids } }, data: { role: 'admin' } });
    }
  }

  async function twoAdmins(): Promise<[SessionUser, SessionUser]> {
    const [first, second] = await Promise.all(
      ['First', 'Second'].map((name) => createAccount({ email: uniqueEmail(), name, password: TEST_PASSWORD, role: 'admin' })),
    );
    return [
      { ...first, name: 'First', role: 'admin' },
      { ...second, name: 'Second', role: 'admin' },
    ];
  }

  const activeAdmins = (ids: string[]) => db.user.count({ where: { id: { in: ids }, role: 'admin', banned: false } });

  it('never demotes the last active admin, even when two admins demote each other at once', async () => {
    const [first, second] = await twoAdmins();
    await withOnlyTheseActiveAdmins([first, second], async () => {
      const results = await Promise.allSettled([changeRole(first, second.id, 'editor'), changeRole(second, first.id, 'editor')]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({
        reason: { code: 'INVALID', message: 'This is the last active admin: make another account an admin before changing this role.' },
      });
      expect(await activeAdmins([first.id, second.id])).toBe(1);
    });
  });

  it('never disables the last active admin, even when two admins disable each other at once', async () => {
    const [first, second] = await twoAdmins();
    await withOnlyTheseActiveAdmins([first, second], async () => {
      const results = await Promise.allSettled([setDisabled(first, second.id, true), setDisabled(second, first.id, true)]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({
        reason: { code: 'INVALID', message: 'This is the last active admin: make another account an admin before disabling this one.' },
      });
      expect(await activeAdmins([first.id, second.id])).toBe(1);
    });
  });
});
