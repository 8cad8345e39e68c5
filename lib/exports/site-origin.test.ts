import { describe, expect, it } from 'vitest';
import { absoluteUrl, eventUrl, siteOrigin } from '@/lib/exports/site-origin';

describe('siteOrigin', () => {
  it('prefers the configured public address, without its path', () => {
    expect(siteOrigin('http://localhost:3000/feed.xml?actor=a', 'https://timeline.example.org/some/path')).toBe(
      'https://timeline.example.org',
    );
  });

  it('falls back to the origin of the request', () => {
    expect(siteOrigin('http://localhost:3000/feed.xml?actor=a', undefined)).toBe('http://localhost:3000');
  });
});

describe('absolute URLs', () => {
  it('joins a path to the origin', () => {
    expect(absoluteUrl('https://example.org', '/events.ics?actor=a')).toBe('https://example.org/events.ics?actor=a');
    expect(eventUrl('http://localhost:3000', 'signing-postponed')).toBe('http://localhost:3000/events/signing-postponed');
  });
});
