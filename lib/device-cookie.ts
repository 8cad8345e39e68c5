import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * OWASP's "device cookie": after a successful sign-in the browser gets a token
 * that binds it to that account. Sign-ins that present a valid one are counted
 * per device, so an attacker who slows the account down for every other client
 * does not slow down its owner on their usual browser. The token names no
 * account; its signature covers the email address, so it is valid only for the
 * account it was issued to.
 */

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export interface DeviceCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/'; maxAge: number };
}

/** `__Host-` where the cookie is Secure: then no other subdomain or plain-http page can set it. */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-timeline-device' : 'timeline-device';
}

function signature(secret: string, email: string, deviceId: string, issuedAt: number): Buffer {
  return createHmac('sha256', secret).update(`timeline sign-in device\n${email}\n${deviceId}\n${issuedAt}`).digest();
}

export function issueDeviceCookie(email: string, secret: string, secure: boolean, now: Date): { deviceId: string; cookie: DeviceCookie } {
  const deviceId = randomBytes(16).toString('base64url');
  const issuedAt = Math.floor(now.getTime() / 1000);
  const value = `${deviceId}.${issuedAt}.${signature(secret, email, deviceId, issuedAt).toString('base64url')}`;
  return {
    deviceId,
    cookie: {
      name: deviceCookieName(secure),
      value,
      options: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS },
    },
  };
}

/** The value of one cookie in a Cookie request header. */
export function readCookie(cookieHeader: string | null, name: string): string | null {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}

/** The device's id when `value` is a token this site issued for `email` that has not expired; otherwise null. */
export function verifyDeviceCookie(value: string | null, email: string, secret: string, now: Date): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return null;
  const [, deviceId, issued, signed] = match;
  const issuedAt = Number(issued);
  const ageSeconds = now.getTime() / 1000 - issuedAt;
  // A minute of clock difference between server processes is tolerated.
  if (ageSeconds > DEVICE_COOKIE_MAX_AGE_SECONDS || ageSeconds < -60) return null;
  // The signature is compared as the text that was issued, not as decoded bytes: base64url's last character
  // carries unused bits, so several spellings decode to the same bytes, and only the issued one is accepted.
  const expected = Buffer.from(signature(secret, email, deviceId, issuedAt).toString('base64url'));
  const given = Buffer.from(signed);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}
