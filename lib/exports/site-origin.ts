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

/** The public page of an event. */
export function eventUrl(origin: string, slug: string): string {
  return absoluteUrl(origin, `/events/${slug}`);
}
