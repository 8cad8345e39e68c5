import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, framingFor, newNonce, securityHeaders, servesHttps, type SecurityHeaderOptions } from '@/lib/security-headers';
import { loadNextConfig } from '@/tests/unit/next-config';

const page: SecurityHeaderOptions = { nonce: 'bm9uY2U=', development: false, https: false, framing: 'nowhere' };

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets only this site’s scripts run, and only those carrying the request’s nonce', () => {
    const policy = directives(contentSecurityPolicy(page));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows eval and inline style elements only for the development server', () => {
    const development = directives(contentSecurityPolicy({ ...page, development: true }));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    expect(development.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(contentSecurityPolicy(page)).not.toContain('unsafe-eval');
    expect(directives(contentSecurityPolicy(page)).get('style-src')).toEqual(["'self'", "'nonce-bm9uY2U='"]);
  });

  it('lets a page meant to be embedded be framed, and no other', () => {
    expect(directives(contentSecurityPolicy({ ...page, framing: 'anywhere' })).get('frame-ancestors')).toEqual(['*']);
    expect(securityHeaders({ ...page, framing: 'anywhere' })['X-Frame-Options']).toBeUndefined();
  });

  it('lets only the embed be framed', () => {
    expect(framingFor('/embed')).toBe('anywhere');
    for (const path of ['/', '/embed/', '/embedded', '/events/a', '/admin', '/policies', '/login']) expect(framingFor(path), path).toBe('nowhere');
    expect(securityHeaders(page)['X-Frame-Options']).toBe('DENY');
  });

  it('upgrades insecure requests only on an https site', () => {
    expect(directives(contentSecurityPolicy(page)).has('upgrade-insecure-requests')).toBe(false);
    expect(directives(contentSecurityPolicy({ ...page, https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('securityHeaders', () => {
  it('sets nosniff, the referrer policy and a permissions policy that switches features off', () => {
    const headers = securityHeaders(page);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toMatch(/(^|, )camera=\(\)/);
    expect(headers['Permissions-Policy']).toMatch(/(^|, )geolocation=\(\)/);
    expect(headers['Permissions-Policy']).toMatch(/(^|, )microphone=\(\)/);
  });

  it('sends HSTS on an https site and not otherwise', () => {
    expect(securityHeaders({ ...page, https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{7,}/);
    expect(securityHeaders(page)['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('the import upload’s headers (next.config.mjs, as it bypasses the proxy)', () => {
  it('are the same nosniff and referrer policy as every other response', async () => {
    const rules = (await (await loadNextConfig()).headers?.()) ?? [];
    const importHeaders = rules.find((rule) => rule.source === '/api/import')?.headers ?? [];
    const expected = securityHeaders(page);
    for (const name of ['X-Content-Type-Options', 'Referrer-Policy']) {
      expect(importHeaders.find((header) => header.key === name)?.value, name).toBe(expected[name]);
    }
  });
});

describe('servesHttps', () => {
  it('is true only for the production server of an https address', () => {
    expect(servesHttps({ NODE_ENV: 'production', BETTER_AUTH_URL: 'https://timeline.example.org' })).toBe(true);
    expect(servesHttps({ NODE_ENV: 'production', BETTER_AUTH_URL: 'http://127.0.0.1:3000' })).toBe(false);
    expect(servesHttps({ NODE_ENV: 'production', BETTER_AUTH_URL: undefined })).toBe(false);
    expect(servesHttps({ NODE_ENV: 'development', BETTER_AUTH_URL: 'https://timeline.example.org' })).toBe(false);
  });
});

describe('newNonce', () => {
  it('is fresh each time and valid in a CSP source expression', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
