import { csvFile } from '@/lib/exports/formats';
import { dataResponse } from '@/lib/exports/responses';

export const dynamic = 'force-dynamic';

/** GET /events.csv: one row per event matching the timeline's filters (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  return dataResponse(await csvFile(request), 'text/csv; charset=utf-8', { fileName: 'events.csv' });
}
