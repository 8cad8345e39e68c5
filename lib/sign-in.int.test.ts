import { randomBytes, randomUUID } from 'node:crypto';
import { APIError } from 'better-auth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '@/lib/auth';
import { db } from '@/lib/db';
import { signIn, THROTTLE, type SignInResult } from '@/lib/sign-in';
import { PRUNE_BATCH } from '@/lib/sign-in-throttle';
import { createAccount } from '@/lib/users';
import { TEST_PASSWORD } from '../tests/integration/requests';

const WRONG_PASSWORD = 'not-the-right-password-1';
const MINUTE = 60_000;
const NOT_CORRECT = { ok: false, message: 'The email address or password is not correct.' };
const PAUSED = /^Too many failed sign-in attempts\. .*; try again in (\d+) minutes?\.$/;

/** Throttle counters are per key and the database is shared: every test uses its own addresses and accounts. */
const uniqueAddress = () => `10.${[...randomBytes(3)].join('.')}`;
const uniqueEmail = () => `sign-in-${randomUUID()}@example.test`;
const minutesLater = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

/** A request as the production server hands it on: X-Forwarded-For is the socket's address; a browser may send its device cookie. */
function from(address: string, device?: SignInResult): Headers {
  const headers = new Headers({ 'x-forwarded-for': address });
  if (device?.ok) headers.set('cookie', `other=1; ${device.deviceCookie.name}=${device.deviceCookie.value}`);
  return headers;
}

async function account(): Promise<{ id: string; email: string }> {
  return createAccount({ email: uniqueEmail(), password: TEST_PASSWORD, role: 'editor' });
}

/** Signs in once with the right password from a browser of its own, as the owner did before the attack. */
async function knownDevice(email: string, now = new Date()): Promise<SignInResult> {
  const result = await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), now);
  expect(result.ok).toBe(true);
  return result;
}

/** Wrong passwords refused at once instead of after scrypt, for tests that count many of them; the right one is still checked for real. */
function refuseWrongPasswordsQuickly() {
  const check = auth.api.signInEmail;
  return vi.spyOn(auth.api, 'signInEmail').mockImplementation(((context: Parameters<typeof check>[0]) =>
    context?.body.password === TEST_PASSWORD ? check(context) : Promise.reject(new APIError('UNAUTHORIZED', { code: 'INVALID_EMAIL_OR_PASSWORD' }))) as typeof check);
}

const messageOf = (result: SignInResult) => (result.ok ? '' : result.message);
const throttleRow = (key: string) => db.signInThrottle.findUnique({ where: { key } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sign-in throttling: an attacker cannot lock the owner out', () => {
  it('pauses one client after 5 wrong passwords for an account, while the owner signs in from another client and from their known browser', async () => {
    const { email } = await account();
    const device = await knownDevice(email);
    const attacker = uniqueAddress();
    const start = new Date();
    for (let attempt = 1; attempt < THROTTLE.pairAttempts; attempt++) {
      expect(await signIn({ email, password: WRONG_PASSWORD }, from(attacker), start)).toEqual(NOT_CORRECT);
    }
    const fifth = await signIn({ email, password: WRONG_PASSWORD }, from(attacker), start);
    expect(fifth).toMatchObject({ ok: false, locked: true });
    expect(messageOf(fifth)).toMatch(PAUSED);
    expect(messageOf(fifth)).toContain('Sign-in to this account from this connection is paused; try again in 15 minutes.');
    // Even the right password is refused from the attacker's client…
    const rightFromAttacker = await signIn({ email, password: TEST_PASSWORD }, from(attacker), minutesLater(start, 1));
    expect(messageOf(rightFromAttacker)).toContain('try again in 14 minutes');

    // …but the owner gets in from anywhere else, and from their known browser even on the attacker's address.
    expect((await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), minutesLater(start, 1))).ok).toBe(true);
    expect((await signIn({ email, password: TEST_PASSWORD }, from(attacker, device), minutesLater(start, 1))).ok).toBe(true);
    // And the attacker's client may try again once its window has ended.
    expect(await signIn({ email, password: WRONG_PASSWORD }, from(attacker), minutesLater(start, 15))).toEqual(NOT_CORRECT);
  });

  it('slows the account for new clients after 10 guesses from rotating addresses, but not for the owner on their known browser', async () => {
    const { email } = await account();
    const device = await knownDevice(email);
    const start = new Date();
    for (let attempt = 1; attempt < THROTTLE.accountAttempts; attempt++) {
      expect(await signIn({ email, password: WRONG_PASSWORD }, from(uniqueAddress()), start)).toEqual(NOT_CORRECT);
    }
    const tenth = await signIn({ email, password: WRONG_PASSWORD }, from(uniqueAddress()), start);
    expect(messageOf(tenth)).toMatch(PAUSED);
    expect(messageOf(tenth)).toContain('paused for browsers it has not signed in from before');
    const newBrowser = await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), minutesLater(start, 5));
    expect(messageOf(newBrowser)).toContain('try again in 10 minutes');

    const owner = await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress(), device), minutesLater(start, 5));
    expect(owner.ok).toBe(true);
    // The owner's new cookie keeps working too, and a new browser gets in once the window has ended.
    expect((await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress(), owner), minutesLater(start, 6))).ok).toBe(true);
    expect((await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), minutesLater(start, 15))).ok).toBe(true);
  });

  it('lets at most 40 passwords an hour be checked from rotating addresses, however many are sent', async () => {
    const { email } = await account();
    const verify = refuseWrongPasswordsQuickly();
    const start = new Date();
    for (let minute = 0; minute < 60; minute += 3) {
      for (let guess = 0; guess < 5; guess++) await signIn({ email, password: `${WRONG_PASSWORD}-${minute}-${guess}` }, from(uniqueAddress()), minutesLater(start, minute));
    }
    // 100 guesses were sent; four 15-minute windows of 10.
    expect(verify).toHaveBeenCalledTimes(4 * THROTTLE.accountAttempts);
  });

  it('pauses a browser with the device cookie after 5 wrong passwords, and accepts the cookie only for its own account', async () => {
    const { email } = await account();
    const other = await account();
    const device = await knownDevice(email);
    const address = uniqueAddress();
    const start = new Date();
    for (let attempt = 1; attempt < THROTTLE.deviceAttempts; attempt++) {
      expect(await signIn({ email, password: WRONG_PASSWORD }, from(address, device), start)).toEqual(NOT_CORRECT);
    }
    const fifth = await signIn({ email, password: WRONG_PASSWORD }, from(address, device), start);
    expect(messageOf(fifth)).toContain('Sign-in to this account from this browser is paused; try again in 15 minutes.');
    // The same browser without its cookie is a new client, with its own pair count.
    expect((await signIn({ email, password: TEST_PASSWORD }, from(address), start)).ok).toBe(true);

    // For another account the cookie means nothing: that account's pair limit applies.
    for (let attempt = 0; attempt < THROTTLE.pairAttempts; attempt++) await signIn({ email: other.email, password: WRONG_PASSWORD }, from(address, device), start);
    expect(messageOf(await signIn({ email: other.email, password: TEST_PASSWORD }, from(address, device), start))).toContain('from this connection is paused');
  });
});

describe('sign-in throttling: per client and per attempt', () => {
  it('pauses a client address after 20 failures across different accounts, and only that address', async () => {
    refuseWrongPasswordsQuickly();
    const address = uniqueAddress();
    const start = new Date();
    for (let attempt = 1; attempt < THROTTLE.clientAttempts; attempt++) {
      expect(await signIn({ email: uniqueEmail(), password: WRONG_PASSWORD }, from(address), start)).toEqual(NOT_CORRECT);
    }
    const twentieth = await signIn({ email: uniqueEmail(), password: WRONG_PASSWORD }, from(address), start);
    expect(messageOf(twentieth)).toContain('Sign-in from this connection is paused; try again in 15 minutes.');

    const { email } = await account();
    const sameClient = await signIn({ email, password: TEST_PASSWORD }, from(address), minutesLater(start, 5));
    expect(messageOf(sameClient)).toContain('try again in 10 minutes');
    expect((await signIn({ email, password: TEST_PASSWORD }, from(uniqueAddress()), minutesLater(start, 5))).ok).toBe(true);
  });

  it('does not count a right password: after 4 failures it clears the pair and gives the attempt back', async () => {
    const { email } = await account();
    const address = uniqueAddress();
    for (let attempt = 1; attempt < THROTTLE.pairAttempts; attempt++) await signIn({ email, password: WRONG_PASSWORD }, from(address));
    expect(await throttleRow(`pair:${email} ${address}`)).toMatchObject({ attempts: 4 });

    expect((await signIn({ email, password: TEST_PASSWORD }, from(address))).ok).toBe(true);
    expect(await throttleRow(`pair:${email} ${address}`)).toBeNull();
    expect(await throttleRow(`account:${email}`)).toMatchObject({ attempts: 4 });
    expect(await throttleRow(`client:${address}`)).toMatchObject({ attempts: 4 });
  });

  it('says a disabled account is disabled only for the right password, and counts that as no guess', async () => {
    const { id, email } = await account();
    await db.user.update({ where: { id }, data: { banned: true } });
    const address = uniqueAddress();
    expect(await signIn({ email, password: WRONG_PASSWORD }, from(address))).toEqual(NOT_CORRECT);
    expect(await signIn({ email, password: TEST_PASSWORD }, from(address))).toEqual({ ok: false, message: 'This account is disabled. Ask an admin to enable it.' });
    expect(await throttleRow(`account:${email}`)).toMatchObject({ attempts: 1 });
  });

  it('returns ok, a device cookie and a session for the right password', async () => {
    const { id, email } = await account();
    const address = uniqueAddress();
    expect(await db.session.count({ where: { userId: id } })).toBe(0);

    const result = await signIn({ email, password: TEST_PASSWORD }, from(address));
    expect(result).toMatchObject({ ok: true, deviceCookie: { name: 'timeline-device', options: { httpOnly: true, sameSite: 'lax', path: '/' } } });
    const [session] = await db.session.findMany({ where: { userId: id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * MINUTE);
    expect(session.ipAddress).toBe(address);
  });

  it('counts guesses sent at the same time, so parallel requests cannot check more passwords than the limits', async () => {
    const { email } = await account();
    const verify = vi.spyOn(auth.api, 'signInEmail');
    const guesses = Array.from({ length: 15 }, (_, index) => `${WRONG_PASSWORD}-${index}`);
    const fromEverywhere = await Promise.all(guesses.map((password) => signIn({ email, password }, from(uniqueAddress()))));
    expect(verify).toHaveBeenCalledTimes(THROTTLE.accountAttempts);
    expect(fromEverywhere.filter((result) => result.ok)).toEqual([]);
    expect(await throttleRow(`account:${email}`)).toMatchObject({ attempts: THROTTLE.accountAttempts });

    verify.mockClear();
    const target = await account();
    const address = uniqueAddress();
    await Promise.all(guesses.map((password) => signIn({ email: target.email, password }, from(address))));
    expect(verify).toHaveBeenCalledTimes(THROTTLE.pairAttempts);
  });
});

describe('sign-in throttling: old rows', () => {
  it('deletes up to 50 expired rows at each attempt, keeps live ones, and so empties the table of expired rows', async () => {
    const now = new Date();
    const expired = Array.from({ length: 120 }, (_, index) => ({ key: `pair:prune-${randomUUID()}-${index} 10.0.0.1`, attempts: 3, windowEnds: minutesLater(now, -1 - index) }));
    const live = { key: `account:prune-${randomUUID()}@example.test`, attempts: 2, windowEnds: minutesLater(now, 10) };
    await db.signInThrottle.createMany({ data: [...expired, live] });
    const expiredCount = () => db.signInThrottle.count({ where: { windowEnds: { lte: now } } });

    const before = await expiredCount();
    expect(before).toBeGreaterThanOrEqual(120);
    await signIn({ email: uniqueEmail(), password: WRONG_PASSWORD }, from(uniqueAddress()), now);
    expect(await expiredCount()).toBe(before - PRUNE_BATCH);
    for (let attempt = 1; attempt < Math.ceil(before / PRUNE_BATCH); attempt++) await signIn({ email: uniqueEmail(), password: WRONG_PASSWORD }, from(uniqueAddress()), now);
    expect(await expiredCount()).toBe(0);
    expect(await throttleRow(live.key)).toMatchObject({ attempts: 2 });
  });
});
