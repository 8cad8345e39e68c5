import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The production server's own render requests (scripts/serve.ts): the page
 * cache asks the server, or one of its render processes, for a page over
 * loopback. Such a request carries the process's secret token and the stamp
 * of the data it must be rendered from (lib/data-version.ts).
 */

/** Marks the server's own rendering requests; its value is secret to the server and its render processes. */
export const RENDER_HEADER = 'x-timeline-page-render';
/** The data stamp the server read; a render process catches up with it before it renders. */
export const STAMP_HEADER = 'x-timeline-data-stamp';

const LOOPBACK = new Set(['127.0.0.1', '::ffff:127.0.0.1']);

/** The headers of a render request for `token`, rendering from `stamp` when known. */
export function renderRequestHeaders(token: string, stamp: string | null): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { [RENDER_HEADER]: token };
  if (stamp !== null) headers[STAMP_HEADER] = stamp;
  return headers;
}

/**
 * Whether a request is a render request of the process holding `token`
 * (the token, from this machine), and the stamp it carries. Both headers are
 * taken off every request, so whatever a client sends in them goes no further.
 */
export function takeRenderRequest(request: Pick<IncomingMessage, 'headers' | 'socket'>, token: string): { internal: boolean; stamp: string | null } {
  const internal = request.headers[RENDER_HEADER] === token && LOOPBACK.has(request.socket.remoteAddress ?? '');
  const stamp = request.headers[STAMP_HEADER];
  delete request.headers[RENDER_HEADER];
  delete request.headers[STAMP_HEADER];
  return { internal, stamp: internal && typeof stamp === 'string' ? stamp : null };
}
