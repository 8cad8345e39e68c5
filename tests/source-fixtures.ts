import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the web the source check visits (tests never leave the
 * machine), and a fake of the Internet Archive's availability and save APIs.
 * Each path answers one way a source can stand; `/changing` and `/comeback`
 * change when a test says so.
 */

const article = (title: string, paragraphs: string[]) =>
  `<!doctype html><html><head><title>${title}</title><script>var tracking = ${Math.random()};</script></head>` +
  `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>${title}</h1>` +
  paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('') +
  `</main><footer>Page built at ${new Date().toISOString()}</footer></body></html>`;

export const ANNOUNCEMENT = [
  'The Department of Commerce announced that leading developers agreed to share unreleased frontier models with the Center for AI Standards and Innovation for pre-deployment testing.',
  'Under the agreements, the center will evaluate national security risks, including cyber, biological and chemical capabilities, before the models are released to the public.',
  'The agreements are voluntary and build on earlier commitments; the companies will provide access to model weights or application programming interfaces under secure conditions.',
  'Officials said the testing program would publish summaries of its findings where doing so does not reveal sensitive information about the systems under evaluation.',
];

export const REWRITTEN = [
  'This page has been updated. Information about the testing consortium has moved and the program described here is under review by the new leadership of the department.',
  'Visitors looking for press releases from previous years should consult the archives section, which lists statements by date and by office of origin.',
  'For media inquiries contact the office of public affairs by telephone during business hours; written requests are answered within five working days.',
];

export interface SourceFixtures {
  origin: string;
  /** The archive fake's availability API and save endpoint (ARCHIVE_AVAILABILITY_URL, ARCHIVE_SAVE_URL). */
  availabilityUrl: string;
  saveUrl: string;
  /** How /changing and /comeback answer from now on. */
  state: { changing: 'original' | 'rewritten'; comeback: 'gone' | 'back' };
  /** User-Agent of every request, by path. */
  userAgents: Map<string, string>;
  /** Bytes /huge wrote before the client stopped reading. */
  hugeBytesWritten: () => number;
  availabilityLookups: string[];
  saveRequests: string[];
  /** The most /delay requests in flight at once, overall and by Host header. */
  delayPeak: { all: number; byHost: Map<string, number> };
  close: () => Promise<void>;
}

export const SLOW_MS = 5_000;
const HUGE_BYTES = 20 * 1024 * 1024;
/** The snapshot the archive fake knows of every address: taken before anything the tests make goes missing. */
export const SNAPSHOT_STAMP = '20260101000000';

export async function startSourceFixtures(port = 0, host = '127.0.0.1'): Promise<SourceFixtures> {
  let hugeWritten = 0;
  const fixtures: Omit<SourceFixtures, 'origin' | 'availabilityUrl' | 'saveUrl' | 'close'> = {
    state: { changing: 'original', comeback: 'gone' },
    userAgents: new Map(),
    hugeBytesWritten: () => hugeWritten,
    availabilityLookups: [],
    saveRequests: [],
    delayPeak: { all: 0, byHost: new Map() },
  };
  const inFlight = { all: 0, byHost: new Map<string, number>() };
  const html = (response: http.ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(body);
  };
  const redirect = (response: http.ServerResponse, location: string) => {
    response.writeHead(301, { Location: location });
    response.end();
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    fixtures.userAgents.set(url.pathname, request.headers['user-agent'] ?? '');
    const head = request.method === 'HEAD';
    switch (url.pathname) {
      case '/':
        return html(response, 200, article('Commerce home', ['Welcome to the department.']));
      case '/announcement':
      case '/same/':
        return html(response, 200, article('Commerce announces testing agreements', ANNOUNCEMENT));
      case '/same':
        return redirect(response, '/same/');
      case '/to-home':
        return redirect(response, '/');
      case '/missing':
        return html(response, 404, article('Not found', ['The page you asked for is not here.']));
      case '/gone':
        return html(response, 410, article('Gone', ['This page was removed.']));
      case '/broken':
        return html(response, 500, article('Error', ['Something went wrong.']));
      case '/head-refused':
        if (head) return html(response, 405, '');
        return html(response, 200, article('A page that refuses HEAD', ANNOUNCEMENT));
      case '/slow': {
        const timer = setTimeout(() => html(response, 200, article('Slow', ANNOUNCEMENT)), SLOW_MS);
        request.on('close', () => clearTimeout(timer));
        return;
      }
      case '/changing':
        return html(response, 200, fixtures.state.changing === 'original' ? article('Announcement', ANNOUNCEMENT) : article('Announcement', REWRITTEN));
      case '/comeback':
        return fixtures.state.comeback === 'gone' ? html(response, 404, article('Not found', ['No.'])) : html(response, 200, article('Back', ANNOUNCEMENT));
      case '/delay': {
        // Answers after ?ms=…, counting how many such requests wait at once (the run's limits).
        const host = request.headers.host ?? '';
        inFlight.all++;
        inFlight.byHost.set(host, (inFlight.byHost.get(host) ?? 0) + 1);
        fixtures.delayPeak.all = Math.max(fixtures.delayPeak.all, inFlight.all);
        fixtures.delayPeak.byHost.set(host, Math.max(fixtures.delayPeak.byHost.get(host) ?? 0, inFlight.byHost.get(host)!));
        setTimeout(() => {
          inFlight.all--;
          inFlight.byHost.set(host, inFlight.byHost.get(host)! - 1);
          html(response, 200, article('Delayed', ANNOUNCEMENT));
        }, Number(url.searchParams.get('ms') ?? 100));
        return;
      }
      case '/huge': {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        if (head) return response.end();
        const chunk = Buffer.from(`<p>${'word '.repeat(1000)}</p>`);
        const write = () => {
          while (hugeWritten < HUGE_BYTES) {
            hugeWritten += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', write);
          }
          response.end();
        };
        response.write('<!doctype html><html><body><main>');
        return write();
      }
      case '/__state': {
        // For a run by hand (tests/source-fixtures-serve.ts); tests set `state` directly.
        if (request.method !== 'POST') return html(response, 405, '');
        const changing = url.searchParams.get('changing');
        const comeback = url.searchParams.get('comeback');
        if (changing === 'original' || changing === 'rewritten') fixtures.state.changing = changing;
        if (comeback === 'gone' || comeback === 'back') fixtures.state.comeback = comeback;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end(JSON.stringify(fixtures.state));
      }
      case '/archive/available': {
        const address = url.searchParams.get('url') ?? '';
        fixtures.availabilityLookups.push(address);
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end(
          JSON.stringify({
            url: address,
            archived_snapshots: address.includes('no-snapshot')
              ? {}
              : { closest: { status: '200', available: true, url: `${origin}/web/${SNAPSHOT_STAMP}/${address}`, timestamp: SNAPSHOT_STAMP } },
          }),
        );
      }
      default:
        if (url.pathname.startsWith('/archive/save/')) {
          fixtures.saveRequests.push(decodeURIComponent(url.pathname.slice('/archive/save/'.length)) + url.search);
          return html(response, 200, 'Saved');
        }
        return html(response, 404, article('Not found', ['Unknown fixture.']));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    ...fixtures,
    origin,
    availabilityUrl: `${origin}/archive/available`,
    saveUrl: `${origin}/archive/save/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
