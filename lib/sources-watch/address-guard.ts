import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The source check fetches addresses editors typed; it must not become a way to
 * probe the server's own network. Only globally routable unicast addresses are
 * allowed (ipaddr.js names every special range: loopback, private, link-local,
 * carrier-grade NAT, unique-local, multicast, reserved…), IPv4-mapped IPv6 is
 * judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export class BlockedAddressError extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private or local address; the check does not reach those`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves the host, refuses it if ANY of its
 * addresses is not public, and hands the socket the addresses it checked: the
 * connection goes to exactly what was checked, so a second DNS answer
 * (rebinding) never reaches it. Node calls it once per connection, so every
 * redirect hop is checked again.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** An address written as an IP literal never goes through `lookup`: it is judged here, before connecting. */
export function assertLiteralAllowed(hostname: string, allowPrivate: boolean): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(bare) !== 0 && !isPublicAddress(bare)) throw new BlockedAddressError(hostname, bare);
}
