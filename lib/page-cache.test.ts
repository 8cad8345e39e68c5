import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isCacheable, PageCache, type RenderedPage } from '@/lib/page-cache';

const NONCE = 'T2xkTm9uY2VPbGROb25jZQ==';
const page = (body: string, fields: Partial<RenderedPage> = {}): RenderedPage => ({
  status: 200,
  headers: [
    ['content-type', 'text/html; charset=utf-8'],
    ['content-security-policy', `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self' 'nonce-${NONCE}'`],
    ['x-frame-options', 'DENY'],
    ['date', 'Tue, 01 Dec 2026 00:00:00 GMT'],
  ],
  body: Buffer.from(body),
  ...fields,
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers every request from the cache, and a way to fetch from it. */
async function serving(cache: PageCache) {
  server = createServer((request, response) => {
    void cache.serve(request, response).then((served) => {
      if (!served) response.writeHead(502).end('not rendered');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
}

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

describe('isCacheable', () => {
  const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
  it('takes plain page requests of visitors without a session', () => {
    for (const url of ['/', '/?actor=nist', '/actors', '/actors?q=nist&kind=agency', '/policies', '/policies?status=signed', '/embed', '/embed?actor=nist', '/events/a-b-1', '/actors/nist', '/policies/eu-ai-act']) {
      expect(isCacheable(get(url)), url).toBe(true);
    }
    expect(isCacheable({ method: 'HEAD', url: '/', headers: {} })).toBe(true);
  });
  it('leaves everything else to Next.js', () => {
    for (const url of ['/admin', '/login', '/events.csv', '/feed.xml', '/api/events', '/events/a/history', '/_next/static/x.js', '/?_rsc=abc']) {
      expect(isCacheable(get(url)), url).toBe(false);
    }
    expect(isCacheable({ method: 'POST', url: '/', headers: {} })).toBe(false);
    expect(isCacheable(get('/', { rsc: '1' }))).toBe(false);
    expect(isCacheable(get('/', { 'next-action': 'abc' }))).toBe(false);
    expect(isCacheable(get('/events/a', { cookie: 'theme=dark; better-auth.session_token=abc' }))).toBe(false);
    expect(isCacheable(get('/events/a', { cookie: '__Secure-better-auth.session_token=abc' }))).toBe(false);
  });
});

describe('PageCache', () => {
  it('renders a page once per data version and gives every response a nonce of its own', async () => {
    let renders = 0;
    let version = 'v1';
    const cache = new PageCache({
      render: async () => {
        renders++;
        return page(`<script nonce="${NONCE}">1</script><p>render ${renders}</p><style nonce="${NONCE}"></style>`);
      },
      version: () => version,
    });
    const fetch = await serving(cache);
    const first = await fetch('/');
    const second = await fetch('/');
    expect(renders).toBe(1);
    expect([first.headers['x-page-cache'], second.headers['x-page-cache']]).toEqual(['miss', 'hit']);
    const nonces = [first, second].map((response) => nonceOf(String(response.headers['content-security-policy'])));
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const [index, response] of [first, second].entries()) {
      const policy = String(response.headers['content-security-policy']);
      // The policy names the response's nonce for scripts and for styles, and the page carries it on both tags.
      expect(policy.match(/'nonce-[^']+'/g)).toEqual([`'nonce-${nonces[index]}'`, `'nonce-${nonces[index]}'`]);
      expect(response.body.toString()).toBe(`<script nonce="${nonces[index]}">1</script><p>render 1</p><style nonce="${nonces[index]}"></style>`);
      expect(response.body.toString()).not.toContain(NONCE);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers.date).not.toBe('Tue, 01 Dec 2026 00:00:00 GMT');
    }
    version = 'v2';
    expect((await fetch('/')).body.toString()).toContain('render 2');
  });

  it('shares one rendering among concurrent requests and keys pages by address', async () => {
    let renders = 0;
    const cache = new PageCache({
      render: async (url) => {
        renders++;
        await new Promise((resolve) => setTimeout(resolve, 30));
        return page(`<p nonce="${NONCE}">${url}</p>`);
      },
      version: () => 'v1',
    });
    const fetch = await serving(cache);
    const bodies = await Promise.all([fetch('/'), fetch('/'), fetch('/'), fetch('/?order=desc')]);
    expect(renders).toBe(2);
    expect(bodies.map((response) => response.body.toString().replace(/nonce="[^"]+"/, ''))).toEqual(['<p >/</p>', '<p >/</p>', '<p >/</p>', '<p >/?order=desc</p>']);
  });

  it('gzips for clients that accept it, each response with its own nonce, without compressing the page again', async () => {
    const text = (nonce: string) =>
      `<script nonce="${nonce}">${'a'.repeat(70_000)}</script>${'word '.repeat(5_000)}<style nonce="${nonce}"></style><p nonce="${nonce}">end</p>`;
    const cache = new PageCache({ render: async () => page(text(NONCE)), version: () => 'v1' });
    const fetch = await serving(cache);
    // The first response is compressed as it is; the second prepares the parts, the third reuses them.
    const responses = [
      await fetch('/', { 'accept-encoding': 'gzip, br' }),
      await fetch('/', { 'accept-encoding': 'gzip' }),
      await fetch('/', { 'accept-encoding': 'gzip' }),
    ];
    expect(responses.map((response) => response.headers['x-page-cache'])).toEqual(['miss', 'hit', 'hit']);
    for (const response of responses) {
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(response.body.length).toBeLessThan(text(NONCE).length / 10);
      // gunzip checks the deflate stream, the CRC and the length.
      expect(gunzipSync(response.body).toString()).toBe(text(nonceOf(String(response.headers['content-security-policy']))!));
    }
    expect(new Set(responses.map((response) => nonceOf(String(response.headers['content-security-policy']))))).toHaveProperty('size', 3);
  });

  it('passes on a page it must not keep, and keeps nothing of it', async () => {
    let renders = 0;
    const cache = new PageCache({
      render: async (url) => {
        renders++;
        if (url === '/events/gone') return page('<p>Not found</p>', { status: 404 });
        return page('<p>Hello</p>', { headers: [...page('').headers, ['set-cookie', 'a=b']] });
      },
      version: () => 'v1',
    });
    const fetch = await serving(cache);
    expect((await fetch('/events/gone')).status).toBe(404);
    expect((await fetch('/events/gone')).status).toBe(404);
    const withCookie = await fetch('/');
    expect(withCookie.body.toString()).toBe('<p>Hello</p>');
    await fetch('/');
    expect(renders).toBe(4);
  });

  it('lets Next.js answer when the page could not be rendered internally', async () => {
    const cache = new PageCache({ render: async () => null, version: () => 'v1' });
    const fetch = await serving(cache);
    expect((await fetch('/')).status).toBe(502);
  });

  it('answers a stored page without waiting only while the data version is known to be the one it was made from', async () => {
    let known: string | null = null;
    const cache = new PageCache({
      render: async () => page(`<script nonce="${NONCE}">1</script>`),
      version: () => 'v1',
      knownVersion: () => known,
    });
    server = createServer((request, response) => {
      if (cache.serveStored(request, response)) return;
      void cache.serve(request, response);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const get = () =>
      new Promise<{ state: string | string[] | undefined; nonce: string | undefined }>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path: '/' }, (response) => {
          response.resume();
          response.on('end', () => resolve({ state: response.headers['x-page-cache'], nonce: nonceOf(String(response.headers['content-security-policy'])) }));
        })
          .on('error', reject)
          .end();
      });
    expect((await get()).state).toBe('miss'); // nothing stored yet
    expect((await get()).state).toBe('hit'); // stored, but the version had to be read
    known = 'v1';
    const [first, second] = [await get(), await get()];
    expect([first.state, second.state]).toEqual(['hit', 'hit']);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.nonce).not.toBe(NONCE);
    known = 'v2'; // the data changed: the stored page is not answered without rendering again
    const request = { method: 'GET', url: '/', headers: {} } as never;
    expect(cache.serveStored(request, { writeHead: () => expect.fail('answered a page of an older version') } as never)).toBe(false);
  });
});
