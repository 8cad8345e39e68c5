import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '@/lib/return-path';

/** Where a browser goes for a Location header (or a client-side navigation) of `path`, from our site. */
const whereABrowserGoes = (path: string) => new URL(path, 'https://timeline.example.org').origin;

describe('safeReturnPath', () => {
  it.each([
    ['/admin/events', '/admin/events'],
    ['/admin/events?q=frontier&page=2', '/admin/events?q=frontier&page=2'],
    ['/events/signing-postponed#sources', '/events/signing-postponed#sources'],
    ['/', '/'],
    // Normalised by the URL parser, never returned raw.
    ['/admin/./events', '/admin/events'],
    ['/admin/events/../actors', '/admin/actors'],
    ['/admin/events?q=two words', '/admin/events?q=two%20words'],
    ['/événements', '/%C3%A9v%C3%A9nements'],
  ])('keeps the path on this site %j → %j', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    // The tricks from issue 7: a tab or newline the browser strips, a dot segment that collapses into "//".
    '/%09/evil.example',
    '/\t/evil.example',
    '/%0A/evil.example',
    '/\n/evil.example',
    '/%0D/evil.example',
    '/\r/evil.example',
    '/%0D%0A/evil.example',
    '/.//evil.example',
    '/./%2F/evil.example',
    '/../../evil.example/..//evil.example',
    '/%2e%2e//evil.example',
    '/%2E//evil.example',
    '/admin/..//evil.example',
    // Other hosts, written every way a URL parser accepts.
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/%5Cevil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    'https://evil.example',
    'http:evil.example',
    'https:/evil.example',
    'evil.example',
    // Other schemes.
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    // Whitespace and controls anywhere.
    ' /admin',
    '\t/admin',
    ' //evil.example',
    '/admin\u0000',
    '/admin\u007f',
    '/admin\u0085',
    '/admin?next=%00',
    // Malformed escapes and empty values.
    '/admin/%zz',
    '/%E0%A4%A',
    '',
    '/'.padEnd(501, 'a'),
  ])('refuses %j and goes to the dashboard instead', (value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  it.each([undefined, null, 42, ['/admin/events'], { toString: () => '/admin/events' }])('refuses a non-string %j', (value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  it('accepts a path of exactly the maximum length, refuses one longer', () => {
    const longest = '/'.padEnd(500, 'a');
    expect(safeReturnPath(longest)).toBe(longest);
    expect(safeReturnPath(`${longest}a`)).toBe(DEFAULT_RETURN_PATH);
  });

  it('never returns anything a browser would resolve to another origin', () => {
    const hostile = ['/%09/evil.example', '/.//evil.example', '/\t/evil', '/\\evil', '//evil', '/%2F%2Fevil', '/ /evil', '/%20/evil', '/@evil.example', '/:@evil.example'];
    for (const value of hostile) {
      const path = safeReturnPath(value);
      expect(whereABrowserGoes(path), `${value} → ${path}`).toBe('https://timeline.example.org');
      expect(path, value).toMatch(/^\/(?![/\\])/);
    }
  });
});
