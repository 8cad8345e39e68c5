import { describe, expect, it } from 'vitest';
import { actorIndexHref, parseActorIndexQuery, parsePolicyIndexQuery, policyIndexHref } from '@/lib/index-queries';

describe('parsePolicyIndexQuery', () => {
  it('reads a status-setting event type, "none", a jurisdiction and a page', () => {
    expect(parsePolicyIndexQuery({ status: 'postponed', jurisdiction: 'us-ca', page: '3' })).toEqual({ status: 'postponed', jurisdiction: 'US-CA', page: 3 });
    expect(parsePolicyIndexQuery({ status: 'none' }).status).toBe('none');
  });

  it('drops what it cannot use instead of failing', () => {
    // A statement does not set a policy's status, so it is no status filter.
    expect(parsePolicyIndexQuery({ status: 'statement', jurisdiction: 'Narnia', page: '-2' })).toEqual({ status: null, jurisdiction: null, page: 1 });
    expect(parsePolicyIndexQuery({ status: ['signed', 'revoked'], page: '9999999' })).toEqual({ status: 'signed', jurisdiction: null, page: 1 });
    expect(parsePolicyIndexQuery({ jurisdiction: '', status: '' })).toEqual({ status: null, jurisdiction: null, page: 1 });
  });
});

describe('parseActorIndexQuery', () => {
  it('reads a search, known kinds in the vocabulary order, and a page', () => {
    expect(parseActorIndexQuery({ q: '  nist   standards ', kind: ['agency', 'person', 'robot', 'agency'], page: '2' })).toEqual({
      q: 'nist standards',
      kinds: ['person', 'agency'],
      page: 2,
    });
  });

  it('cuts a long search and treats an empty one as none', () => {
    expect(parseActorIndexQuery({ q: 'x'.repeat(500) }).q).toHaveLength(100);
    expect(parseActorIndexQuery({ q: '   ' }).q).toBeNull();
  });
});

describe('index links', () => {
  it('carry only the parameters in use, page 1 left out', () => {
    expect(policyIndexHref({ status: null, jurisdiction: null, page: 1 })).toBe('/policies');
    expect(policyIndexHref({ status: 'postponed', jurisdiction: 'US', page: 2 })).toBe('/policies?status=postponed&jurisdiction=US&page=2');
    expect(actorIndexHref({ q: 'a b&c', kinds: ['person', 'agency'], page: 1 })).toBe('/actors?q=a+b%26c&kind=person&kind=agency');
  });

  it('read back as the query they were made from', () => {
    const query = { q: 'départ', kinds: ['company' as const], page: 4 };
    const params = Object.fromEntries(new URL(actorIndexHref(query), 'http://x').searchParams);
    expect(parseActorIndexQuery(params)).toEqual(query);
  });
});
