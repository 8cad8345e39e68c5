import { calendarFile } from '@/lib/exports/formats';
import { dataResponse } from '@/lib/exports/responses';

export const dynamic = 'force-dynamic';

/** GET /events.ics: the events matching the timeline's filters as all-day calendar events (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  return dataResponse(await calendarFile(request), 'text/calendar; charset=utf-8');
}
