import { APIError } from 'better-auth';
import { z } from 'zod';
import { auth, MAX_PASSWORD_LENGTH, secureCookies } from '@/lib/auth';
import { clientAddress } from '@/lib/client-address';
import { deviceCookieName, issueDeviceCookie, readCookie, verifyDeviceCookie, type DeviceCookie } from '@/lib/device-cookie';
import { authSecret } from '@/lib/env';
import { clearBuckets, pruneExpired, refundAttempt, takeAttempt, WINDOW_MS, type Bucket, type BucketState } from '@/lib/sign-in-throttle';

/**
 * Sign-in with throttling that bounds password guessing without letting anyone
 * lock an account's owner out (README, "Sign-in throttling"):
 * - a browser holding the account's device cookie (set at its last successful
 *   sign-in) is counted on its own and nowhere else;
 * - any other attempt counts against the (account, client) pair, the account's
 *   budget for new clients, and the client across all accounts.
 * Every attempt is counted before its password is checked.
 */

export const THROTTLE = {
  windowMs: WINDOW_MS,
  /** Attempts per window at one account from one client without the account's device cookie. */
  pairAttempts: 5,
  /** Attempts per window at one account from one browser with its device cookie. */
  deviceAttempts: 5,
  /** Attempts per window at one account from all clients without its device cookie together. */
  accountAttempts: 10,
  /** Failed attempts per window from one client, across all accounts. */
  clientAttempts: 20,
} as const;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter the email address of your account').max(254, 'That email address is too long')),
  password: z.string().min(1, 'Enter your password').max(MAX_PASSWORD_LENGTH, `A password is at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** On success, `deviceCookie` is to be set on the response: it marks this browser as known to the account. */
export type SignInResult = { ok: true; deviceCookie: DeviceCookie } | { ok: false; message: string; locked?: boolean };

type BucketKind = 'pair' | 'device' | 'account' | 'client';
const bucket = (kind: BucketKind, id: string, limit: number): Bucket => ({ key: `${kind}:${id}`, limit });
const kindOf = (key: string) => key.slice(0, key.indexOf(':')) as BucketKind;

const PAUSED_FOR: Record<BucketKind, string> = {
  pair: 'Sign-in to this account from this connection is paused',
  device: 'Sign-in to this account from this browser is paused',
  account: 'Sign-in to this account is paused for browsers it has not signed in from before (the ones it has are not affected)',
  client: 'Sign-in from this connection is paused',
};

function pausedMessage({ bucket: { key }, windowEnds }: BucketState, now: Date): SignInResult {
  const minutes = Math.max(1, Math.ceil((windowEnds.getTime() - now.getTime()) / 60_000));
  return {
    ok: false,
    locked: true,
    message: `Too many failed sign-in attempts. ${PAUSED_FOR[kindOf(key)]}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
}

/** The buckets an attempt counts against: its device's alone, or those of a client the account does not know. */
function bucketsFor(email: string, requestHeaders: Headers, now: Date): Bucket[] {
  const secret = authSecret();
  const deviceId = verifyDeviceCookie(readCookie(requestHeaders.get('cookie'), deviceCookieName(secureCookies)), email, secret, now);
  if (deviceId) return [bucket('device', deviceId, THROTTLE.deviceAttempts)];
  const client = clientAddress(requestHeaders);
  return [
    bucket('pair', `${email} ${client}`, THROTTLE.pairAttempts),
    bucket('account', email, THROTTLE.accountAttempts),
    bucket('client', client, THROTTLE.clientAttempts),
  ];
}

/** The right password was given: the pair's and device's failures are forgiven, and the attempt was no guess. */
async function settleRightPassword(buckets: Bucket[]): Promise<void> {
  const keys = buckets.map((each) => each.key);
  await clearBuckets(keys.filter((key) => kindOf(key) === 'pair' || kindOf(key) === 'device'));
  await refundAttempt(keys.filter((key) => kindOf(key) === 'account' || kindOf(key) === 'client'));
}

/** Checks the throttle, asks better-auth to verify the password and, on success, sets the session cookie. */
export async function signIn(input: SignInInput, requestHeaders: Headers, now = new Date()): Promise<SignInResult> {
  await pruneExpired(now);
  const buckets = bucketsFor(input.email, requestHeaders, now);
  const taken = await takeAttempt(buckets, now);
  if (!taken.allowed) return pausedMessage(taken.refusedBy, now);

  try {
    await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    // better-auth refuses a disabled account only after the password proved right.
    if (error.body?.code === 'BANNED_USER') {
      await settleRightPassword(buckets);
      return { ok: false, message: 'This account is disabled. Ask an admin to enable it.' };
    }
    if (taken.usedUp) return pausedMessage(taken.usedUp, now);
    return { ok: false, message: 'The email address or password is not correct.' };
  }
  await settleRightPassword(buckets);
  return { ok: true, deviceCookie: issueDeviceCookie(input.email, authSecret(), secureCookies, now).cookie };
}
