import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, issueDeviceCookie, readCookie, verifyDeviceCookie } from '@/lib/device-cookie';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const EMAIL = 'edith@example.org';
const NOW = new Date('2026-12-01T12:00:00Z');
const secondsLater = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('device cookies', () => {
  it('are HttpOnly, SameSite=Lax, for the whole site, and Secure with the __Host- prefix when asked', () => {
    const plain = issueDeviceCookie(EMAIL, SECRET, false, NOW).cookie;
    expect(plain).toMatchObject({ name: 'timeline-device', options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/' } });
    const secure = issueDeviceCookie(EMAIL, SECRET, true, NOW).cookie;
    expect(secure).toMatchObject({ name: '__Host-timeline-device', options: { secure: true } });
    expect(deviceCookieName(true)).toBe(secure.name);
  });

  it('name no account, and each sign-in gets a new device id', () => {
    const first = issueDeviceCookie(EMAIL, SECRET, false, NOW);
    const second = issueDeviceCookie(EMAIL, SECRET, false, NOW);
    expect(first.cookie.value).not.toContain('edith');
    expect(first.deviceId).not.toBe(second.deviceId);
  });

  it('are accepted for the account they were issued to, until they expire', () => {
    const { deviceId, cookie } = issueDeviceCookie(EMAIL, SECRET, false, NOW);
    expect(verifyDeviceCookie(cookie.value, EMAIL, SECRET, NOW)).toBe(deviceId);
    expect(verifyDeviceCookie(cookie.value, EMAIL, SECRET, secondsLater(DEVICE_COOKIE_MAX_AGE_SECONDS))).toBe(deviceId);
    expect(verifyDeviceCookie(cookie.value, EMAIL, SECRET, secondsLater(DEVICE_COOKIE_MAX_AGE_SECONDS + 1))).toBeNull();
  });

  it('are refused for another account, under another secret, or when changed in any way', () => {
    const { cookie } = issueDeviceCookie(EMAIL, SECRET, false, NOW);
    expect(verifyDeviceCookie(cookie.value, 'ada@example.org', SECRET, NOW)).toBeNull();
    expect(verifyDeviceCookie(cookie.value, EMAIL, `${SECRET}-rotated`, NOW)).toBeNull();
    const [deviceId, issuedAt, signed] = cookie.value.split('.');
    const otherId = `${deviceId.slice(0, -1)}${deviceId.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyDeviceCookie(`${otherId}.${issuedAt}.${signed}`, EMAIL, SECRET, NOW)).toBeNull();
    expect(verifyDeviceCookie(`${deviceId}.${Number(issuedAt) + 1}.${signed}`, EMAIL, SECRET, NOW)).toBeNull();
    // Every other last character, including those that differ only in base64url's unused bits.
    for (const last of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.replace(signed.at(-1)!, '')) {
      expect(verifyDeviceCookie(`${deviceId}.${issuedAt}.${signed.slice(0, -1)}${last}`, EMAIL, SECRET, NOW), last).toBeNull();
    }
    for (const junk of [null, '', 'x', `${cookie.value}.`, ` ${cookie.value}`, cookie.value.replaceAll('.', ',')]) {
      expect(verifyDeviceCookie(junk, EMAIL, SECRET, NOW), String(junk)).toBeNull();
    }
  });

  it('are refused when issued in the future', () => {
    const { cookie } = issueDeviceCookie(EMAIL, SECRET, false, secondsLater(3600));
    expect(verifyDeviceCookie(cookie.value, EMAIL, SECRET, NOW)).toBeNull();
  });

  it('are read from a Cookie header among others', () => {
    expect(readCookie('a=1; timeline-device=abc.1.def; b=2', 'timeline-device')).toBe('abc.1.def');
    expect(readCookie('xtimeline-device=1', 'timeline-device')).toBeNull();
    expect(readCookie(null, 'timeline-device')).toBeNull();
  });
});
