import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { dropClientForwardingHeaders } from '@/lib/client-address';
import { readEnv } from '@/lib/env';

/**
 * The production server (`npm start`): Next.js behind a plain Node HTTP server
 * that, unless TRUST_PROXY=true, removes the forwarding headers a client sent.
 * Next.js fills in X-Forwarded-For only when it is missing, so without this a
 * client could name its own address and escape the per-client sign-in limits.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname;
  const trustProxy = readEnv().TRUST_PROXY === 'true';

  const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  createServer((request, response) => {
    if (!trustProxy) dropClientForwardingHeaders(request.headers);
    void handle(request, response);
  }).listen(port, hostname, () => {
    console.log(`Serving on http://${hostname ?? 'localhost'}:${port} (${trustProxy ? 'client address from the trusted proxy' : 'client address from the socket'})`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
