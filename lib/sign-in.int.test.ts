import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { auth } from '@/lib/auth';
import { db } from '@/lib/db';
import { signIn, THROTTLE } from '@/lib/sign-in';
import { createAccount } from '@/lib/users';
import { TEST_PASSWORD } from '../tests/integration/requests';

const WRONG_PASSWORD = 'not-the-right-password-1';
const MINUTE = 60_000;
const LOCKED = /^Too many failed sign-in attempts\. .*try again in (\d+) minutes?\.$/;

/** Throttle counters are per key and the database is shared: every test uses its own addresses and accounts. */
const uniqueAddress = () => `10.${[...randomBytes(3)].join('.')}`;
const uniqueEmail = () => `sign-in-${randomUUID()}@example.test`;
const from = (address: string) => new Headers({ 'x-forwarded-for': address });
const minutesLater = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

async function account(): Promise<{ id: string; email: string }> {
  return createAccount({ email: uniqueEmail(), password: TEST_PASSWORD, role: 'editor' });
}

describe('sign-in throttling', () => {
  it('locks an account after 5 wrong passwords, even for the right password and from another address', async () => {
    const { email } = await account();
    const address = uniqueAddress();
    const start = new Date();
    for (let attempt = 1; attempt < THROTTLE.accountFailures; attempt++) {
      expect(await signIn({ email, password: WRONG_PASSWORD }, from(address), start)).toEqual({
        ok: false,
        message: 'The email address or password is not correct.',
      });
    }
    const fifth = await signIn({ email, password: WRONG_PASSWORD }, from(address), start);
    expect(fifth).toMatchObject({ ok: false, locked: true });
    expect(fifth.ok === false && fifth.message).toMatch(LOCKED);
    expect(fifth.ok === false && fifth.message).toContain('try again in 15 minutes');

    const rightPassword = await signIn({ email, password: TEST_PASSWORD }, from(address), minutesLater(start, 1));
    expect(rightPassword.ok === false && rightPassword.message).toContain('try again in 14 minutes');
    const otherAddress = await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), minutesLater(start, 14.5));
    expect(otherAddress.ok === false && otherAddress.message).toContain('try again in 1 minute.');
  });

  it('lets the right password in once the lock has expired, and clears the account counter', async () => {
    const { email } = await account();
    const address = uniqueAddress();
    const start = new Date();
    for (let attempt = 0; attempt < THROTTLE.accountFailures; attempt++) await signIn({ email, password: WRONG_PASSWORD }, from(address), start);
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toMatchObject({ failures: 5 });

    expect(await signIn({ email, password: TEST_PASSWORD }, from(address), minutesLater(start, 15))).toEqual({ ok: true });
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();
  });

  it('still lets the right password in after 4 failures, and clears the account counter', async () => {
    const { email } = await account();
    const address = uniqueAddress();
    for (let attempt = 1; attempt < THROTTLE.accountFailures; attempt++) await signIn({ email, password: WRONG_PASSWORD }, from(address));
    expect(await signIn({ email, password: TEST_PASSWORD }, from(address))).toEqual({ ok: true });
    expect(await db.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();
  });

  it('locks a client address after 20 failures across different accounts, and only that address', async () => {
    const address = uniqueAddress();
    const start = new Date();
    for (let attempt = 1; attempt < THROTTLE.clientFailures; attempt++) {
      const result = await signIn({ email: uniqueEmail(), password: WRONG_PASSWORD }, from(address), start);
      expect(result).toMatchObject({ ok: false, message: 'The email address or password is not correct.' });
    }
    const twentieth = await signIn({ email: uniqueEmail(), password: WRONG_PASSWORD }, from(address), start);
    expect(twentieth.ok === false && twentieth.message).toMatch(LOCKED);

    const { email } = await account();
    const sameClient = await signIn({ email, password: TEST_PASSWORD }, from(address), minutesLater(start, 5));
    expect(sameClient).toMatchObject({ ok: false, locked: true });
    expect(sameClient.ok === false && sameClient.message).toContain('try again in 10 minutes');
    expect(await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), minutesLater(start, 5))).toEqual({ ok: true });
  });

  it('returns ok and starts a session for the right password', async () => {
    const { id, email } = await account();
    const address = uniqueAddress();
    expect(await db.session.count({ where: { userId: id } })).toBe(0);

    expect(await signIn({ email, password: TEST_PASSWORD }, from(address))).toEqual({ ok: true });
    const [session] = await db.session.findMany({ where: { userId: id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * MINUTE);
    expect(session.ipAddress).toBe(address);
  });

  it('counts guesses sent at the same time, so parallel requests cannot check more than 5 passwords', async () => {
    const { email } = await account();
    const verify = vi.spyOn(auth.api, 'signInEmail');
    try {
      const guesses = Array.from({ length: 10 }, (_, index) => `${WRONG_PASSWORD}-${index}`);
      const results = await Promise.all(guesses.map((password) => signIn({ email, password }, from(uniqueAddress()))));
      expect(verify).toHaveBeenCalledTimes(THROTTLE.accountFailures);
      expect(results.filter((result) => result.ok)).toEqual([]);
      expect(await db.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toMatchObject({ failures: THROTTLE.accountFailures });
    } finally {
      verify.mockRestore();
    }
  });
});
