import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT_BYTES, ANONYMOUS_ACTION_BODY_LIMIT_BYTES, gateRequest, type GateRequest } from '@/lib/request-gate';
import { loadNextConfig } from '@/tests/unit/next-config';

const visit = (overrides: Partial<Omit<GateRequest, 'headers'>> & { headers?: Record<string, string> } = {}) =>
  gateRequest({ method: 'GET', pathname: '/', search: '', hasSessionCookie: false, ...overrides, headers: new Headers(overrides.headers) });

const ACTION = { 'next-action': '605982569309b359b0dd669dcc6cef9386a71f688a', 'content-length': '2000' };
const LARGE = { 'content-length': String(ANONYMOUS_ACTION_BODY_LIMIT_BYTES + 1) };

describe('gateRequest', () => {
  it('answers 400 to a malformed percent-escape on any path, before anything else', () => {
    for (const pathname of ['/events/%zz', '/actors/%FF', '/policies/%E0%A4%A', '/events/%', '/admin/events/%C0%AF/edit']) {
      expect(visit({ pathname }), pathname).toMatchObject({ action: 'refuse', status: 400 });
      expect(visit({ pathname, hasSessionCookie: true }), pathname).toMatchObject({ action: 'refuse', status: 400 });
    }
    expect(visit({ pathname: '/events/caf%C3%A9' })).toEqual({ action: 'pass' });
  });

  it('refuses a large action call without a session cookie, on every page but the sign-in page', () => {
    for (const pathname of ['/admin/events/new', '/admin', '/events/signing-postponed/history', '/']) {
      expect(visit({ method: 'POST', pathname, headers: { ...ACTION, ...LARGE } }), pathname).toMatchObject({ action: 'refuse', status: 403 });
    }
    expect(visit({ method: 'POST', pathname: '/login', headers: { ...ACTION, ...LARGE } })).toEqual({ action: 'pass' });
    expect(visit({ method: 'POST', pathname: '/admin/events/new', headers: { ...ACTION, ...LARGE }, hasSessionCookie: true })).toEqual({ action: 'pass' });
  });

  it('lets a small anonymous action call through, so the action can say "sign in again" and keep the typed form', () => {
    expect(visit({ method: 'POST', pathname: '/admin/events/new', headers: ACTION })).toEqual({ action: 'pass' });
    expect(visit({ method: 'POST', pathname: '/admin/events/new', headers: { 'content-length': '900' } })).toEqual({ action: 'pass' });
  });

  it('sends a large form posted without JavaScript and without a session to sign in, unread', () => {
    expect(visit({ method: 'POST', pathname: '/admin/events/new', headers: LARGE })).toEqual({ action: 'sign-in', next: '/admin/events/new' });
    expect(visit({ method: 'POST', pathname: '/login', headers: LARGE })).toEqual({ action: 'pass' });
  });

  it('answers 411 to an action body that does not state its length (chunked), signed in or not', () => {
    const chunked = { 'next-action': ACTION['next-action'], 'transfer-encoding': 'chunked' };
    expect(visit({ method: 'POST', pathname: '/admin/events/new', headers: chunked, hasSessionCookie: true })).toMatchObject({ status: 411 });
    expect(visit({ method: 'POST', pathname: '/login', headers: chunked })).toMatchObject({ status: 411 });
    expect(visit({ method: 'POST', pathname: '/admin', headers: { 'content-length': 'lots' }, hasSessionCookie: true })).toMatchObject({ status: 411 });
  });

  it('leaves route handlers to check their own callers', () => {
    expect(visit({ method: 'POST', pathname: '/api/events', headers: ACTION })).toEqual({ action: 'pass' });
  });

  it('refuses a declared body over the action limit with 413, signed in or not', () => {
    const big = { 'content-length': String(ACTION_BODY_LIMIT_BYTES + 1) };
    expect(visit({ method: 'POST', pathname: '/admin/events/new', headers: { ...ACTION, ...big }, hasSessionCookie: true })).toMatchObject({ status: 413 });
    expect(visit({ method: 'POST', pathname: '/login', headers: big })).toMatchObject({ status: 413 });
    expect(visit({ method: 'POST', pathname: '/login', headers: { 'content-length': String(ACTION_BODY_LIMIT_BYTES) } })).toEqual({ action: 'pass' });
  });

  it('keeps sending anonymous /admin visitors to sign in and back', () => {
    expect(visit({ pathname: '/admin/events', search: '?q=order' })).toEqual({ action: 'sign-in', next: '/admin/events?q=order' });
    expect(visit({ pathname: '/admin' })).toEqual({ action: 'sign-in', next: '/admin' });
    expect(visit({ pathname: '/administrators' })).toEqual({ action: 'pass' });
    expect(visit({ pathname: '/admin', hasSessionCookie: true })).toEqual({ action: 'pass' });
  });

  it('uses the same limit as next.config.mjs', async () => {
    expect((await loadNextConfig()).experimental?.serverActions?.bodySizeLimit).toBe(`${ACTION_BODY_LIMIT_BYTES / 1024 ** 2}mb`);
  });
});
