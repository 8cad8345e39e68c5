import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { readEnv } from '@/lib/env';
import { gateRequest, SIGN_IN_PATH } from '@/lib/request-gate';
import { framingFor, newNonce, securityHeaders, servesHttps } from '@/lib/security-headers';

let https: boolean | undefined;
/** The site's address does not change while the server runs. */
function siteServesHttps(): boolean {
  https ??= servesHttps(readEnv());
  return https;
}

/**
 * Runs before every page and route handler but static files: turns away what
 * lib/request-gate.ts refuses (before any body is parsed), and sets the security
 * headers on every response, with a fresh CSP nonce that Next reads from the
 * request's Content-Security-Policy header and stamps on its own scripts.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = securityHeaders({
    nonce: newNonce(),
    development: process.env.NODE_ENV === 'development',
    https: siteServesHttps(),
    framing: framingFor(pathname),
  });
  const verdict = gateRequest({ method: request.method, pathname, search, headers: request.headers, hasSessionCookie: Boolean(getSessionCookie(request)) });

  let response: NextResponse;
  if (verdict.action === 'refuse') {
    response = new NextResponse(`${verdict.message}\n`, { status: verdict.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } else if (verdict.action === 'sign-in') {
    const login = new URL(SIGN_IN_PATH, request.url);
    login.searchParams.set('next', verdict.next);
    // 303: the browser follows with a GET, never re-posting a form to the sign-in page.
    response = NextResponse.redirect(login, 303);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Everything but static files and the import upload, whose body the proxy would
    // buffer (and cut at proxyClientMaxBodySize) before the route handler could
    // stream it against its own cap; next.config.mjs gives that one its headers.
    '/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|api/import$).*)',
  ],
};
