import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { assertLiteralAllowed, BlockedAddressError, guardedLookup } from '@/lib/sources-watch/address-guard';

export interface FetchLimits {
  /** For the whole check: every request and redirect of it. */
  timeoutMs: number;
  userAgent: string;
  /** Bytes of body read (after decompression); the rest is never read. */
  maxBodyBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

export type FetchFailure = 'timeout' | 'dns' | 'tls' | 'refused' | 'blocked' | 'redirects' | 'scheme' | 'network';

export interface FetchedPage {
  /** The last request made. */
  method: 'HEAD' | 'GET';
  status: number | null;
  finalUrl: string | null;
  /** Every address the redirects went through, the first one included. */
  hops: string[];
  durationMs: number;
  contentType: string | null;
  /** The decoded body of a GET, up to maxBodyBytes; null for HEAD or no response. */
  body: string | null;
  truncated: boolean;
  failure: { kind: FetchFailure; message: string } | null;
}

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string | null;
  truncated: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class CheckTimeout extends Error {}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The body as text, decompressed, stopping (and closing the connection) once maxBytes have been read. */
function readBody(response: http.IncomingMessage, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  const stream: Readable =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? response.pipe(createGunzip())
      : encoding === 'deflate'
        ? response.pipe(createInflate())
        : encoding === 'br'
          ? response.pipe(createBrotliDecompress())
          : response;
  const decoder = decoderFor(response.headers['content-type'] ?? null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (truncated: boolean) => {
      if (done) return;
      done = true;
      resolve({ text: decoder.decode(Buffer.concat(chunks)), truncated });
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = maxBytes - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (size >= maxBytes) {
        finish(true);
        response.destroy();
        stream.destroy();
      }
    });
    stream.on('end', () => finish(false));
    stream.on('error', (error) => (done ? undefined : ((done = true), reject(error))));
    response.on('aborted', () => (done ? undefined : ((done = true), reject(new Error('The connection closed mid-body')))));
  });
}

function request(url: URL, method: 'HEAD' | 'GET', limits: FetchLimits, signal: AbortSignal): Promise<Response> {
  assertLiteralAllowed(url.hostname, limits.allowPrivate);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method,
        signal,
        lookup: guardedLookup(limits.allowPrivate),
        // A fresh connection per request, so every one goes through the guarded lookup.
        agent: false,
        headers: {
          'User-Agent': limits.userAgent,
          Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
          'Accept-Encoding': 'gzip, deflate, br',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (method === 'HEAD' || REDIRECTS.has(status)) {
          response.resume();
          response.destroy();
          return resolve({ status, headers: response.headers, body: null, truncated: false });
        }
        readBody(response, limits.maxBodyBytes).then(
          ({ text, truncated }) => resolve({ status, headers: response.headers, body: text, truncated }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function failureOf(error: unknown, timeoutMs: number): { kind: FetchFailure; message: string } {
  if (error instanceof CheckTimeout || (error instanceof Error && error.name === 'AbortError')) {
    return { kind: 'timeout', message: `no answer within ${timeoutMs} ms` };
  }
  if (error instanceof BlockedAddressError) return { kind: 'blocked', message: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return { kind: 'dns', message: `the name did not resolve (${code})` };
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'the connection was refused' };
  if (/CERT|SSL|TLS|ERR_TLS|UNABLE_TO_VERIFY|SELF_SIGNED/i.test(code) || /certificate|ssl|tls/i.test(message)) {
    return { kind: 'tls', message: `the secure connection failed (${code || message})` };
  }
  return { kind: 'network', message: `${code ? `${code}: ` : ''}${message}` };
}

const isHtml = (contentType: string | null) => contentType === null || /html|xml/i.test(contentType);

/**
 * Fetches a source's address as the check does: HEAD first, following up to
 * maxRedirects redirects (each hop's address checked again), then GET when HEAD
 * is refused or failed, or when the page is HTML and its text is needed for the
 * fingerprint. One deadline covers all of it. Never throws.
 */
export async function fetchPage(address: string, limits: FetchLimits, now: () => number = Date.now): Promise<FetchedPage> {
  const started = now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new CheckTimeout()), limits.timeoutMs);
  const hops: string[] = [address];
  let method: 'HEAD' | 'GET' = 'HEAD';
  let last: Response | null = null;
  const result = (failure: FetchedPage['failure']): FetchedPage => ({
    method,
    status: last?.status ?? null,
    finalUrl: last ? hops[hops.length - 1] : null,
    hops,
    durationMs: Math.max(0, Math.round(now() - started)),
    contentType: (last?.headers['content-type'] as string | undefined) ?? null,
    body: last?.body ?? null,
    truncated: last?.truncated ?? false,
    failure,
  });
  const follow = async (verb: 'HEAD' | 'GET'): Promise<void> => {
    method = verb;
    last = null;
    hops.length = 1;
    let url = new URL(address);
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw Object.assign(new Error(`not an http(s) address: ${url.protocol}`), { scheme: true });
      last = await request(url, verb, limits, controller.signal);
      const location = last.headers.location;
      if (!REDIRECTS.has(last.status) || !location) return;
      if (redirects >= limits.maxRedirects) throw Object.assign(new Error(`more than ${limits.maxRedirects} redirects`), { redirects: true });
      url = new URL(location, url);
      hops.push(url.toString());
    }
  };
  try {
    try {
      await follow('HEAD');
    } catch (error) {
      if (failureOf(error, limits.timeoutMs).kind === 'timeout' || error instanceof BlockedAddressError) throw error;
      last = null; // some servers drop HEAD; GET decides
    }
    const head = last as Response | null;
    const needsGet = !head || head.status >= 400 || (head.status < 300 && isHtml((head.headers['content-type'] as string | undefined) ?? null));
    if (needsGet) await follow('GET');
    return result(null);
  } catch (error) {
    const flagged = error as { scheme?: boolean; redirects?: boolean };
    if (flagged.scheme) return result({ kind: 'scheme', message: (error as Error).message });
    if (flagged.redirects) return result({ kind: 'redirects', message: (error as Error).message });
    if (controller.signal.aborted) return result({ kind: 'timeout', message: `no answer within ${limits.timeoutMs} ms` });
    return result(failureOf(error, limits.timeoutMs));
  } finally {
    clearTimeout(timer);
  }
}
