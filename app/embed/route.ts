import { embedPage } from '@/lib/embed/embed-page';
import { siteOrigin } from '@/lib/exports/site-origin';

export const dynamic = 'force-dynamic';

/** The nonce proxy.ts put in this request's policy, which the page's one style element must carry. */
function nonceOf(request: Request): string {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(request.headers.get('content-security-policy') ?? '')?.[1] ?? '';
}

/**
 * GET /embed: a compact, script-free view of the timeline for other sites to
 * frame (the only page they may: proxy.ts), with the same filters as `/`.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const html = await embedPage(url, siteOrigin(request.url), nonceOf(request));
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
