import { eventsApiPage } from '@/lib/exports/events-api';
import { jsonResponse } from '@/lib/exports/responses';

export const dynamic = 'force-dynamic';

/** GET /api/events: a page of the events matching the timeline's filters, as JSON (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  return jsonResponse(await eventsApiPage(request));
}
