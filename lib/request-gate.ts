/**
 * What the proxy decides before any route runs, from the request line and
 * headers alone (never the body). It only sees whether a session cookie
 * exists; every page, server action and route handler checks the session
 * and role itself.
 */

/** The largest body a server action takes; equal to next.config.mjs's serverActions.bodySizeLimit (4mb). */
export const ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The most a visitor without a session cookie may send to an action. Smaller
 * calls reach the action, which refuses them itself and hands back what was
 * typed (an editor who signed out in another tab keeps their form).
 */
export const ANONYMOUS_ACTION_BODY_LIMIT_BYTES = 256 * 1024;

/** The one page whose server action (signing in) a visitor without a session may call. */
export const SIGN_IN_PATH = '/login';

export interface GateRequest {
  method: string;
  /** As it arrived, percent-escapes and all. */
  pathname: string;
  search: string;
  headers: Headers;
  hasSessionCookie: boolean;
}

export type GateVerdict =
  | { action: 'pass' }
  | { action: 'refuse'; status: 400 | 403 | 411 | 413; message: string }
  /** Off to the sign-in page, back to `next` afterwards. */
  | { action: 'sign-in'; next: string };

function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/** `/events/%zz` would reach Next's router, which fails on it with a 500. */
function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The body size a request states; null when it states none (a chunked body). */
function declaredLength(headers: Headers): number | null {
  const raw = headers.get('content-length');
  if (raw === null) return headers.has('transfer-encoding') ? null : 0;
  const length = Number(raw);
  return Number.isFinite(length) && length >= 0 ? length : null;
}

/**
 * A POST to a page (not a route handler under /api/) is a server action call:
 * with JavaScript it carries a Next-Action header, without it the action's id
 * is in the form body. Besides signing in, every action is an editor's, so a
 * large call from a visitor with no session cookie is refused before the body
 * is parsed; so is any action body that does not state its length, since Next
 * would only find out it is too large while reading it (and answer 500).
 */
export function gateRequest({ method, pathname, search, headers, hasSessionCookie }: GateRequest): GateVerdict {
  if (hasMalformedEscape(pathname)) {
    return { action: 'refuse', status: 400, message: 'Bad request: the address contains a malformed percent-escape.' };
  }
  const next = `${pathname}${search}`;
  const isActionPost = method === 'POST' && !pathname.startsWith('/api/');
  if (isActionPost) {
    const length = declaredLength(headers);
    if (length === null) return { action: 'refuse', status: 411, message: 'A form post must state its length (Content-Length).' };
    if (length > ACTION_BODY_LIMIT_BYTES) {
      return { action: 'refuse', status: 413, message: 'The form is larger than 4 MB, more than any form of this site sends.' };
    }
    if (!hasSessionCookie && pathname !== SIGN_IN_PATH && length > ANONYMOUS_ACTION_BODY_LIMIT_BYTES) {
      // A script gets a plain refusal; a form posted without JavaScript goes to the sign-in page, opened with a GET.
      if (headers.has('next-action')) return { action: 'refuse', status: 403, message: 'Sign in to do this.' };
      return { action: 'sign-in', next };
    }
  }
  if (!hasSessionCookie && isAdminPath(pathname) && method !== 'POST') return { action: 'sign-in', next };
  return { action: 'pass' };
}
