import { dataResponse } from '@/lib/exports/responses';
import { siteOrigin } from '@/lib/exports/site-origin';
import { sourceChangesFeed } from '@/lib/sources-watch/feed';

export const dynamic = 'force-dynamic';

/** GET /sources/changes.xml: an Atom feed of what the source watch found (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  return dataResponse({ body: await sourceChangesFeed(siteOrigin(request.url)), notices: [] }, 'application/atom+xml; charset=utf-8');
}
