import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, dropClientForwardingHeaders } from '@/lib/client-address';

const forwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For entry: the one the server or the trusted proxy added', () => {
    expect(clientAddress(forwardedFor('203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(forwardedFor('198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(forwardedFor(' 198.51.100.1 ,203.0.113.9 , '))).toBe('203.0.113.9');
  });

  it('is "unknown" without the header', () => {
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});

describe('clientKey', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const key = '2001:db8:85a3:0::/64';
    expect(clientKey('2001:db8:85a3::1')).toBe(key);
    expect(clientKey('2001:0db8:85a3:0000:ffff:ffff:ffff:ffff')).toBe(key);
    expect(clientKey('2001:DB8:85A3:0:1234::')).toBe(key);
    expect(clientKey('2001:db8:85a3:0:0:ffff:192.0.2.1')).toBe(key);
    expect(clientKey('2001:db8:85a3:1::1')).not.toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps anything else, cut to 64 characters', () => {
    expect(clientKey('unknown')).toBe('unknown');
    expect(clientKey('x'.repeat(100))).toBe('x'.repeat(64));
  });
});

describe('dropClientForwardingHeaders', () => {
  it('removes every header in which a client could claim an address, host or scheme, and nothing else', () => {
    const headers = {
      host: '127.0.0.1:3000',
      cookie: 'a=1',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      forwarded: 'for=203.0.113.9',
      'x-real-ip': '203.0.113.9',
      'true-client-ip': '203.0.113.9',
      'cf-connecting-ip': '203.0.113.9',
    };
    dropClientForwardingHeaders(headers);
    expect(headers).toEqual({ host: '127.0.0.1:3000', cookie: 'a=1' });
  });
});
