import { atomFeed } from '@/lib/exports/formats';
import { dataResponse } from '@/lib/exports/responses';

export const dynamic = 'force-dynamic';

/** GET /feed.xml: an Atom feed of the newest events matching the timeline's filters (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  return dataResponse(await atomFeed(request), 'application/atom+xml; charset=utf-8');
}
