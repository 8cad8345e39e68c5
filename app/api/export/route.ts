import { datasetFile } from '@/lib/dataset/download';

export const dynamic = 'force-dynamic';

/**
 * GET /api/export: the whole dataset in the interchange format (public, read-only).
 * `?download=1` asks the browser to save it as policy-timeline-<date>.json.
 */
export async function GET(request: Request): Promise<Response> {
  const download = new URL(request.url).searchParams.get('download') === '1';
  const file = await datasetFile();
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  if (download) headers.set('Content-Disposition', `attachment; filename="${file.fileName}"`);
  return new Response(file.body, { headers });
}
