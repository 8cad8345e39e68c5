import { APIError } from 'better-auth';
import { z } from 'zod';
import { auth, MAX_PASSWORD_LENGTH } from '@/lib/auth';
import { db } from '@/lib/db';
import { readEnv } from '@/lib/env';

/**
 * Sign-in with throttling: repeated failures lock the account for a while, and
 * many failures from one client lock that client, so passwords cannot be
 * guessed at speed. The counters live in the database, shared by every process.
 */

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountFailures: 5,
  clientFailures: 20,
} as const;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter the email address of your account').max(254, 'That email address is too long')),
  password: z.string().min(1, 'Enter your password').max(MAX_PASSWORD_LENGTH, `A password is at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type SignInInput = z.infer<typeof signInSchema>;

export type SignInResult = { ok: true } | { ok: false; message: string; locked?: boolean };

/**
 * The address a sign-in comes from. Behind a proxy that overwrites
 * X-Forwarded-For (TRUST_PROXY=true) its first entry is the client; otherwise
 * the header is only what the server saw or the client claimed.
 */
export function clientAddress(requestHeaders: Headers): string {
  const forwarded = requestHeaders.get('x-forwarded-for') ?? '';
  const entries = forwarded.split(',').map((entry) => entry.trim()).filter(Boolean);
  const address = readEnv().TRUST_PROXY === 'true' ? entries[0] : entries[entries.length - 1];
  return (address ?? 'unknown').slice(0, 64);
}

const accountKey = (email: string) => `account:${email}`;
const clientKey = (address: string) => `client:${address}`;

function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}

async function lockedUntil(keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = rows.map((row) => row.lockedUntil!.getTime());
  return until.length > 0 ? new Date(Math.max(...until)) : null;
}

/**
 * Adds one failure to `key` in its window, locking the key at `limit`. A key
 * that is already locked is not counted again: its lock's end is returned instead.
 */
async function recordFailure(key: string, limit: number, now: Date): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.signInThrottle.findUnique({ where: { key } });
    if (row?.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
    const windowOpen = row && now.getTime() - row.windowStart.getTime() < THROTTLE.windowMs;
    const failures = windowOpen ? row.failures + 1 : 1;
    const data = {
      failures,
      windowStart: windowOpen ? row.windowStart : now,
      lockedUntil: failures >= limit ? new Date(now.getTime() + THROTTLE.lockMs) : null,
    };
    await tx.signInThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
    return null;
  });
}

function lockedMessage(until: Date, now: Date): SignInResult {
  const minutes = minutesUntil(until, now);
  return {
    ok: false,
    locked: true,
    message: `Too many failed sign-in attempts. Sign-in is paused for this account or connection; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
}

/** Checks the throttle, asks better-auth to verify the password and, on success, sets the session cookie. */
export async function signIn(input: SignInInput, requestHeaders: Headers, now = new Date()): Promise<SignInResult> {
  const keys = { account: accountKey(input.email), client: clientKey(clientAddress(requestHeaders)) };
  const locked = await lockedUntil([keys.account, keys.client], now);
  if (locked) return lockedMessage(locked, now);
  // The attempt counts against the account before its password is checked, so guesses
  // sent in parallel cannot all pass the check above; the right password clears the count.
  const accountLocked = await recordFailure(keys.account, THROTTLE.accountFailures, now);
  if (accountLocked) return lockedMessage(accountLocked, now);
  const clearAccount = () => db.signInThrottle.deleteMany({ where: { key: keys.account } });

  try {
    await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    // better-auth refuses a disabled account only after the password proved right.
    if (error.body?.code === 'BANNED_USER') {
      await clearAccount();
      return { ok: false, message: 'This account is disabled. Ask an admin to enable it.' };
    }
    await recordFailure(keys.client, THROTTLE.clientFailures, now);
    const lockedNow = await lockedUntil([keys.account, keys.client], now);
    if (lockedNow) return lockedMessage(lockedNow, now);
    return { ok: false, message: 'The email address or password is not correct.' };
  }
  await clearAccount();
  return { ok: true };
}
