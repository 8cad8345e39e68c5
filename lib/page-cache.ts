import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { newNonce } from '@/lib/security-headers';

/**
 * The production server's cache of whole reader pages (scripts/serve.ts).
 *
 * Readers arriving from a news story all ask for the same few pages; rendering
 * each of them anew costs milliseconds of the server's one thread, while
 * sending stored bytes costs microseconds. So a page a visitor without a
 * session asks for is rendered once per data version (lib/data-version.ts) by
 * an internal request to Next.js, stored, and served from memory until the
 * data changes.
 *
 * Every page carries a Content-Security-Policy nonce that must be new for each
 * response; the stored page is cut at its nonce, and each response gets a
 * fresh one, in the policy header and in every script tag alike.
 */

/** Pages that read the same to every visitor without a session. */
const CACHEABLE_PATHS = [/^\/$/, /^\/(actors|policies|embed)$/, /^\/(events|actors|policies)\/[a-z0-9-]{1,120}$/];

/** Request headers of Next.js's client-side navigation, which asks for a different response than a page. */
const NAVIGATION_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action', 'next-url'];

/** Response headers that belong to one response, not to the page. */
const PER_RESPONSE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'etag']);

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]+)'/;

export interface RenderedPage {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

interface StoredPage {
  version: string;
  status: number;
  /** The page's own response headers, as one list of names and values. */
  flatHeaders: string[];
  /** The body cut at every occurrence of its nonce. */
  parts: Buffer[];
  /** Each part compressed once (see gzipWithNonce). */
  compressedParts: Buffer[];
  /** Each part's CRC-32 as a function of the CRC before it (see continueCrc). */
  partCrcs: CrcStep[];
  /** The policy header cut at its nonce (which it holds once for scripts and once for styles). */
  policy: string[];
  bytes: number;
}

export interface PageCacheOptions {
  /** Renders a page by an internal request; null when it could not be. */
  render: (url: string, host: string | undefined) => Promise<RenderedPage | null>;
  /** The current data version; may read the database (lib/data-version.ts). */
  version: () => string | Promise<string>;
  /** Memory the stored pages may take. */
  maxBytes?: number;
}

/** Whether a request may be answered from the cache: a plain page request by a visitor without a session. */
export function isCacheable(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url ?? '';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!CACHEABLE_PATHS.some((pattern) => pattern.test(path))) return false;
  if (queryAt !== -1 && /(^|&)_rsc=/.test(url.slice(queryAt + 1))) return false;
  if (NAVIGATION_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  // A signed-in editor sees edit links: their pages are rendered for them.
  const cookie = request.headers.cookie ?? '';
  return !cookie.includes('session_token');
}

function store(page: RenderedPage, version: string): StoredPage | null {
  if (page.status !== 200) return null;
  if (page.headers.some(([name]) => name === 'set-cookie')) return null;
  const policyHeader = page.headers.find(([name]) => name === 'content-security-policy');
  const nonce = policyHeader ? NONCE_IN_POLICY.exec(policyHeader[1])?.[1] : undefined;
  if (!policyHeader || !nonce) return null;
  const parts: Buffer[] = [];
  const needle = Buffer.from(nonce);
  let from = 0;
  for (let at = page.body.indexOf(needle, from); at !== -1; at = page.body.indexOf(needle, from)) {
    parts.push(page.body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(page.body.subarray(from));
  const partCrcs = parts.map(crcStep);
  // Every part but the last ends in a full flush: byte-aligned, with nothing after it referring back.
  const compressedParts = parts.map((part, index) =>
    deflateRawSync(part, { level: 6, finishFlush: index === parts.length - 1 ? constants.Z_FINISH : constants.Z_FULL_FLUSH }),
  );
  const headers = page.headers.filter(([name]) => name !== 'content-security-policy' && !PER_RESPONSE_HEADERS.has(name));
  return {
    version,
    status: page.status,
    flatHeaders: headers.flat(),
    parts,
    compressedParts,
    partCrcs,
    policy: policyHeader[1].split(nonce),
    bytes: page.body.length,
  };
}

/**
 * The CRC-32 of a part, as a function of the CRC of what came before it:
 * crc32(part, c) is affine in c over GF(2) — M·c xor crc32(part, 0), where M
 * depends only on the part's length — so M's 32 columns are read off once, and
 * a response's checksum costs a few dozen XORs a part instead of a pass over
 * every byte.
 */
interface CrcStep {
  base: number;
  columns: Uint32Array;
}

function crcStep(part: Buffer): CrcStep {
  const base = crc32(part, 0);
  const columns = new Uint32Array(32);
  for (let bit = 0; bit < 32; bit++) columns[bit] = (crc32(part, (1 << bit) >>> 0) ^ base) >>> 0;
  return { base, columns };
}

function continueCrc(step: CrcStep, before: number): number {
  let result = step.base;
  for (let bit = 0, rest = before >>> 0; rest !== 0; bit++, rest >>>= 1) if (rest & 1) result ^= step.columns[bit];
  return result >>> 0;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/** A deflate block that holds `bytes` as they are (RFC 1951 3.2.4): a header byte, LEN, NLEN, the bytes. */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.alloc(5 + bytes.length);
  block[0] = 0x00; // not the last block, stored
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  bytes.copy(block, 5);
  return block;
}

/**
 * The page gzipped with this response's nonce, without compressing it again:
 * the parts were deflated once, each ending on a byte boundary with no
 * reference back, so the response is the parts' blocks with the nonce as a
 * stored block between them, in a gzip frame whose checksum covers the whole.
 */
function gzipWithNonce(page: StoredPage, nonce: Buffer): Buffer {
  const pieces: Buffer[] = [GZIP_HEADER];
  let checksum = 0;
  let length = 0;
  page.parts.forEach((part, index) => {
    if (index > 0) {
      pieces.push(storedBlock(nonce));
      checksum = crc32(nonce, checksum);
      length += nonce.length;
    }
    pieces.push(page.compressedParts[index]);
    checksum = continueCrc(page.partCrcs[index], checksum);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(checksum >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  pieces.push(trailer);
  return Buffer.concat(pieces);
}

function send(request: IncomingMessage, response: ServerResponse, page: StoredPage, cacheState: 'hit' | 'miss'): void {
  const nonce = Buffer.from(newNonce());
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const payload = gzip ? gzipWithNonce(page, nonce) : Buffer.concat(page.parts.flatMap((part, index) => (index === 0 ? [part] : [nonce, part])));
  // One flat list of names and values: the fastest way Node's HTTP server takes headers.
  const headers = [...page.flatHeaders, 'content-security-policy', page.policy.join(nonce.toString()), 'content-length', String(payload.length), 'x-page-cache', cacheState];
  if (gzip) headers.push('content-encoding', 'gzip');
  response.writeHead(page.status, headers);
  response.end(request.method === 'HEAD' ? undefined : payload);
}

/** Sends a page that is not stored (not a 200, or without a nonce to renew) as it was rendered. */
function sendRendered(request: IncomingMessage, response: ServerResponse, page: RenderedPage): void {
  for (const [name, value] of page.headers) if (!PER_RESPONSE_HEADERS.has(name)) response.appendHeader(name, value);
  response.setHeader('content-length', page.body.length);
  response.statusCode = page.status;
  response.end(request.method === 'HEAD' ? undefined : page.body);
}

export class PageCache {
  private readonly pages: LRUCache<string, StoredPage>;
  private readonly rendering = new Map<string, Promise<{ stored: StoredPage | null; rendered: RenderedPage | null }>>();

  constructor(private readonly options: PageCacheOptions) {
    this.pages = new LRUCache({ maxSize: options.maxBytes ?? 24 * 1024 * 1024, sizeCalculation: (page) => Math.max(1, page.bytes) });
  }

  /**
   * Answers a cacheable request from the cache, rendering the page first when
   * it is missing or older than the data. Returns false when the page could
   * not be rendered internally at all, so the caller lets Next.js answer.
   */
  async serve(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const key = `${request.headers.host ?? ''} ${request.url ?? ''}`;
    const version = await this.options.version();
    const stored = this.pages.get(key);
    if (stored && stored.version === version) {
      send(request, response, stored, 'hit');
      return true;
    }
    // Requests for the same page and data version wait for one rendering.
    const renderKey = `${version} ${key}`;
    let pending = this.rendering.get(renderKey);
    if (!pending) {
      pending = this.renderAndStore(key, request.url ?? '/', request.headers.host, version);
      this.rendering.set(renderKey, pending);
      void pending.finally(() => this.rendering.delete(renderKey));
    }
    const { stored: fresh, rendered } = await pending;
    if (fresh) send(request, response, fresh, 'miss');
    else if (rendered) sendRendered(request, response, rendered);
    else return false;
    return true;
  }

  private async renderAndStore(key: string, url: string, host: string | undefined, version: string) {
    const rendered = await this.options.render(url, host);
    const stored = rendered ? store(rendered, version) : null;
    if (stored) this.pages.set(key, stored);
    return { stored, rendered };
  }

  /** Forgets every stored page. */
  clear(): void {
    this.pages.clear();
  }
}
