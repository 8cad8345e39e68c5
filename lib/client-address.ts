import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client a sign-in comes from, for rate limits. The production server
 * (scripts/serve.ts) removes every forwarding header a client sent unless
 * TRUST_PROXY=true, and Next.js then writes the socket's address into
 * X-Forwarded-For; behind a trusted proxy the last entry is the address that
 * proxy saw (a proxy appends it, or overwrites the header with it). Either way
 * the last entry is one the client could not choose.
 */
export function clientAddress(requestHeaders: Headers): string {
  const entries = (requestHeaders.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  return clientKey(entries.at(-1) ?? 'unknown');
}

/**
 * One key per client: an IPv4 address as it is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function clientKey(address: string): string {
  const withoutZone = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutZone);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(withoutZone) === 4) return withoutZone;
  if (isIP(withoutZone) === 6) return `${ipv6Groups(withoutZone).slice(0, 4).join(':')}::/64`;
  return address.slice(0, 64);
}

/** The eight groups of a valid IPv6 address, `::` expanded, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const written = [...groupsOf(head), ...groupsOf(tail)];
  // An embedded IPv4 address (::ffff:0:1.2.3.4 and the like) fills the last two groups.
  const last = written.at(-1) ?? '';
  if (last.includes('.')) {
    const [a, b, c, d] = last.split('.').map(Number);
    written.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const zeros = Array.from({ length: 8 - written.length }, () => '0');
  const groups = tail === undefined ? written : [...groupsOf(head), ...zeros, ...written.slice(groupsOf(head).length)];
  return groups.map((group) => parseInt(group, 16).toString(16));
}

/** Headers in which a proxy says who the client is, or how it reached the proxy. */
export const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-cluster-client-ip',
] as const;

/** What scripts/serve.ts does to every request unless TRUST_PROXY=true: the client cannot say where it is. */
export function dropClientForwardingHeaders(headers: IncomingHttpHeaders): void {
  for (const name of FORWARDING_HEADERS) delete headers[name];
}
