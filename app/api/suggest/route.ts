import { isSuggestKind, suggest, SUGGEST_KINDS } from '@/lib/suggest';

export const dynamic = 'force-dynamic';

/** GET /api/suggest?kind=actor|agency|policy&q=…: at most ten names for a filter picker's type-ahead (public, read-only). */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const kind = params.get('kind');
  if (!isSuggestKind(kind)) {
    return Response.json({ error: `Unknown kind: use ${SUGGEST_KINDS.join(', ')}.` }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  }
  const suggestions = await suggest(kind, params.get('q') ?? '');
  return Response.json({ suggestions }, { headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}
