import { datasetFile } from '@/lib/dataset/download';
import { isFilterActive } from '@/lib/filters';
import { dataResponse } from '@/lib/exports/responses';
import { readEventView } from '@/lib/exports/event-view';

export const dynamic = 'force-dynamic';

/**
 * GET /api/export: the dataset in the interchange format (public, read-only) —
 * the whole of it, or with the timeline's filters only the matching events and
 * what they reference. `?download=1` asks the browser to save it as a file.
 */
export async function GET(request: Request): Promise<Response> {
  const view = await readEventView(request);
  const filtered = isFilterActive(view.query.filter);
  const file = datasetFile(filtered ? { eventWhere: view.resolved.where } : {});
  const download = new URL(request.url).searchParams.get('download') === '1';
  return dataResponse({ body: file.body, notices: view.notices }, 'application/json; charset=utf-8', download ? { fileName: file.fileName } : {});
}
