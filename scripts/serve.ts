import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { dropClientForwardingHeaders } from '@/lib/client-address';
import { dataVersion, freshDataVersion } from '@/lib/data-version';
import { readEnv } from '@/lib/env';
import { isCacheable, PageCache, type RenderedPage } from '@/lib/page-cache';

/**
 * The production server (`npm start`): Next.js behind a plain Node HTTP server
 * that
 * - unless TRUST_PROXY=true, removes the forwarding headers a client sent.
 *   Next.js fills in X-Forwarded-For only when it is missing, so without this a
 *   client could name its own address and escape the per-client sign-in limits;
 * - answers reader pages of visitors without a session from lib/page-cache.ts,
 *   rendering each through Next.js once per data version. PAGE_CACHE=off
 *   turns it off.
 */

/** Marks the server's own rendering requests; its value is secret to this process. */
const RENDER_HEADER = 'x-timeline-page-render';
const RENDER_TIMEOUT_MS = 30_000;

function renderThroughNext(port: number, token: string, url: string, host: string | undefined): Promise<RenderedPage | null> {
  return new Promise((resolve) => {
    const headers: IncomingHttpHeaders = { [RENDER_HEADER]: token, accept: 'text/html' };
    if (host) headers.host = host;
    const internal = httpRequest({ host: '127.0.0.1', port, path: url, headers, timeout: RENDER_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const pairs: Array<[string, string]> = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          pairs.push([response.rawHeaders[index].toLowerCase(), response.rawHeaders[index + 1]]);
        }
        resolve({ status: response.statusCode ?? 500, headers: pairs, body: Buffer.concat(chunks) });
      });
      response.on('error', () => resolve(null));
    });
    internal.on('timeout', () => internal.destroy());
    internal.on('error', () => resolve(null));
    internal.end();
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname;
  const env = readEnv();
  const trustProxy = env.TRUST_PROXY === 'true';
  const token = randomBytes(24).toString('hex');
  const pageCache =
    process.env.PAGE_CACHE === 'off'
      ? null
      : new PageCache({
          render: (url, host) => renderThroughNext(port, token, url, host),
          version: () => freshDataVersion() ?? dataVersion(),
          knownVersion: () => freshDataVersion(),
        });

  const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  createServer((request, response) => {
    const internal = request.headers[RENDER_HEADER] === token && ['127.0.0.1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
    delete request.headers[RENDER_HEADER];
    if (!trustProxy && !internal) dropClientForwardingHeaders(request.headers);
    if (pageCache && !internal && isCacheable(request)) {
      if (pageCache.serveStored(request, response)) return;
      pageCache
        .serve(request, response)
        .then((served) => {
          if (!served) void handle(request, response);
        })
        .catch((error: unknown) => {
          console.error(error);
          if (!response.headersSent) void handle(request, response);
        });
      return;
    }
    void handle(request, response);
  }).listen(port, hostname, () => {
    console.log(
      `Serving on http://${hostname ?? 'localhost'}:${port} (${trustProxy ? 'client address from the trusted proxy' : 'client address from the socket'}; page cache ${pageCache ? 'on' : 'off'})`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
