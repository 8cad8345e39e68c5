import { timelineJs } from '@/lib/exports/formats';
import { dataResponse } from '@/lib/exports/responses';

export const dynamic = 'force-dynamic';

/** GET /api/timelinejs: the events matching the timeline's filters in TimelineJS3's JSON format (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  return dataResponse(await timelineJs(request), 'application/json; charset=utf-8');
}
