import { readEnv } from '@/lib/env';

/**
 * The origin absolute links in feeds and exports start with: the site's public
 * address (BETTER_AUTH_URL) when it is configured — so a feed read through a
 * proxy still links to the public site — otherwise the origin the request came to.
 */
export function siteOrigin(requestUrl: string, publicUrl: string | undefined = readEnv().BETTER_AUTH_URL): string {
  return new URL(publicUrl ?? requestUrl).origin;
}

/** An absolute URL on the site, e.g. `absoluteUrl('https://example.org', '/events/a')`. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}

/** What a slug may hold (see slugSchema): nothing a URL would escape. */
const PLAIN_SLUG = /^[a-z0-9-]+$/;

/**
 * The public page of an event. An origin (as siteOrigin gives it) and a plain
 * slug join as they are, which is what URL parsing would write and costs far
 * less per event of an export; anything else is parsed.
 */
export function eventUrl(origin: string, slug: string): string {
  return PLAIN_SLUG.test(slug) && isOrigin(origin) ? `${origin}/events/${slug}` : absoluteUrl(origin, `/events/${slug}`);
}

/** The last origin found to be one, since an export asks for the same origin once per event. */
let knownOrigin: string | null = null;

function isOrigin(origin: string): boolean {
  if (origin === knownOrigin) return true;
  if (origin !== new URL(origin).origin) return false;
  knownOrigin = origin;
  return true;
}
