import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { readEnv } from '@/lib/env';
import { absoluteUrl } from '@/lib/exports/site-origin';
import { SITE_TITLE } from '@/lib/exports/view-title';

/**
 * A page's title and the card a shared link shows (Open Graph, read by most
 * chat apps and social sites, and its Twitter/X twin). Card URLs must be
 * absolute: they start with the site's public address (BETTER_AUTH_URL, as
 * feeds do: lib/exports/site-origin.ts) or, where none is configured, the
 * address the request came to.
 */

export const SITE_DESCRIPTION = 'A dated, sourced record of AI-regulation events, the actors behind them and the sources that back them.';

/** Longer descriptions are cut at a word: cards show two or three lines. */
const DESCRIPTION_LENGTH = 200;

export interface PageMetadataInput {
  /** What the view shows ("Policies", an event's title); the site's name is added after it. */
  title: string;
  /** A whole title, used as it is (a timeline view's title already names the site). */
  absoluteTitle?: boolean;
  description?: string;
  /** The page's path with its query, e.g. `/actors?kind=agency`. */
  path: string;
  type?: 'website' | 'article';
  /** Pages that only repeat another one (the embed) stay out of search engines. */
  noIndex?: boolean;
}

export function cutDescription(text: string, length = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The origin card URLs start with. */
export async function publicOrigin(publicUrl: string | undefined = readEnv().BETTER_AUTH_URL): Promise<string> {
  if (publicUrl) return new URL(publicUrl).origin;
  const incoming = await headers();
  const host = incoming.get('host') ?? 'localhost';
  const protocol = incoming.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return new URL(`${protocol}://${host}`).origin;
}

/** The metadata as Next renders it, for an origin already known (pure, for tests). */
export function metadataFor(input: PageMetadataInput, origin: string): Metadata {
  const url = absoluteUrl(origin, input.path);
  const fullTitle = input.absoluteTitle ? input.title : `${input.title} · ${SITE_TITLE}`;
  const description = cutDescription(input.description ?? SITE_DESCRIPTION);
  return {
    title: input.absoluteTitle ? { absolute: input.title } : input.title,
    description,
    alternates: { canonical: url },
    openGraph: { title: fullTitle, description, url, type: input.type ?? 'website', siteName: SITE_TITLE, locale: 'en_US' },
    twitter: { card: 'summary', title: fullTitle, description },
    ...(input.noIndex ? { robots: { index: false, follow: true } } : {}),
  };
}

export async function pageMetadata(input: PageMetadataInput): Promise<Metadata> {
  return metadataFor(input, await publicOrigin());
}

/** A path with its search parameters, in the order given (for `path` above). */
export function pathWithSearch(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
