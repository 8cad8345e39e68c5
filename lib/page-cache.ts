import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

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
  /**
   * The parts made ready to gzip without compressing again (see gzipWithNonce),
   * once the page is asked for a second time: most pages of a crowd of distinct
   * views are asked for once, and their one response is compressed quickly.
   */
  compressed: CompressedParts | null;
  /** Whether a gzipped response of the page was sent. */
  gzipped: boolean;
  /** The policy header cut at its nonce (which it holds once for scripts and once for styles). */
  policy: string[];
  bytes: number;
}

export interface PageCacheOptions {
  /** Renders a page by an internal request; null when it could not be. */
  render: (url: string, host: string | undefined) => Promise<RenderedPage | null>;
  /** The current data version; may read the database (lib/data-version.ts). */
  version: () => string | Promise<string>;
  /** The current data version when it is known without reading the database, otherwise null. */
  knownVersion?: () => string | null;
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
  const headers = page.headers.filter(([name]) => name !== 'content-security-policy' && !PER_RESPONSE_HEADERS.has(name));
  return {
    version,
    status: page.status,
    flatHeaders: headers.flat(),
    parts,
    compressed: null,
    gzipped: false,
    policy: policyHeader[1].split(nonce),
    bytes: page.body.length,
  };
}

interface CompressedParts {
  /** Each part deflated once; every part but the last ends in a full flush: byte-aligned, with nothing after it referring back. */
  parts: Buffer[];
  /** Each part's CRC-32 as a function of the CRC before it (see continueCrc). */
  crcs: CrcStep[];
}

function compressParts(parts: Buffer[]): CompressedParts {
  return {
    parts: parts.map((part, index) => deflateRawSync(part, { level: 6, finishFlush: index === parts.length - 1 ? constants.Z_FINISH : constants.Z_FULL_FLUSH })),
    crcs: parts.map(crcStep),
  };
}

/**
 * The CRC-32 of a part, as a function of the CRC of what came before it:
 * crc32(part, c) is affine in c over GF(2) — M·c xor crc32(part, 0), where M
 * depends only on the part's length — so M is read off once, as four tables
 * of what each byte of c contributes, and a response's checksum costs four
 * lookups a part instead of a pass over every byte.
 */
interface CrcStep {
  base: number;
  /** For byte k of the CRC before (k = 0..3), entry 256·k + value: that byte's contribution. */
  tables: Uint32Array;
}

function crcStep(part: Buffer): CrcStep {
  const base = crc32(part, 0);
  const columns = Array.from({ length: 32 }, (_, bit) => (crc32(part, (1 << bit) >>> 0) ^ base) >>> 0);
  const tables = new Uint32Array(4 * 256);
  for (let byte = 0; byte < 4; byte++) {
    for (let value = 1; value < 256; value++) {
      // Built from the lower value with one bit fewer: the contribution of the bits already known, xor the new bit's.
      const low = value & (value - 1);
      const bit = 31 - Math.clz32(value ^ low);
      tables[256 * byte + value] = (tables[256 * byte + low] ^ columns[8 * byte + bit]) >>> 0;
    }
  }
  return { base, tables };
}

function continueCrc(step: CrcStep, before: number): number {
  const { tables } = step;
  return (step.base ^ tables[before & 0xff] ^ tables[256 + ((before >>> 8) & 0xff)] ^ tables[512 + ((before >>> 16) & 0xff)] ^ tables[768 + (before >>> 24)]) >>> 0;
}

/** The CRC steps of nonces, by length: every nonce of one length shares its matrix (see crcStep). */
const nonceSteps = new Map<number, CrcStep>();

function nonceStep(nonce: Buffer): CrcStep {
  let step = nonceSteps.get(nonce.length);
  if (!step) {
    step = crcStep(Buffer.alloc(nonce.length));
    nonceSteps.set(nonce.length, step);
  }
  // Same matrix, this nonce's own constant.
  return { base: crc32(nonce, 0), tables: step.tables };
}

/**
 * Fresh nonces from a pool of random bytes filled by the operating system's
 * generator, 256 nonces at a time: each response still gets 16 bytes never
 * used before, without a call into the generator for each (which cost more than
 * the rest of sending a stored page).
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;

function freshNonce(): Buffer {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const bytes = noncePool.subarray(nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return Buffer.from(bytes.toString('base64'));
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/** A deflate block that holds `bytes` as they are (RFC 1951 3.2.4): a header byte, LEN, NLEN, the bytes. */
function storedBlock(bytes: Buffer): Buffer {
  const block = Buffer.allocUnsafe(5 + bytes.length);
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
function gzipWithNonce(page: StoredPage, nonce: Buffer): Buffer[] {
  const compressed = (page.compressed ??= compressParts(page.parts));
  const nonceBlock = storedBlock(nonce);
  const nonceCrc = nonceStep(nonce);
  const pieces: Buffer[] = [GZIP_HEADER];
  let checksum = 0;
  let length = 0;
  page.parts.forEach((part, index) => {
    if (index > 0) {
      pieces.push(nonceBlock);
      checksum = continueCrc(nonceCrc, checksum);
      length += nonce.length;
    }
    pieces.push(compressed.parts[index]);
    checksum = continueCrc(compressed.crcs[index], checksum);
    length += part.length;
  });
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(checksum >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  pieces.push(trailer);
  return pieces;
}

function send(request: IncomingMessage, response: ServerResponse, page: StoredPage, cacheState: 'hit' | 'miss'): void {
  const nonce = freshNonce();
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const plain = () => page.parts.flatMap((part, index) => (index === 0 ? [part] : [nonce, part]));
  // A page's first response is compressed as it is, quickly (a millisecond for 250 kB, a third of deflating it
  // at the default level and preparing its parts); from its second on, the prepared parts make gzipping free.
  const pieces = !gzip ? plain() : page.gzipped ? gzipWithNonce(page, nonce) : [gzipSync(Buffer.concat(plain()), { level: 1 })];
  if (gzip) page.gzipped = true;
  const length = pieces.reduce((total, piece) => total + piece.length, 0);
  // One flat list of names and values: the fastest way Node's HTTP server takes headers.
  const headers = [...page.flatHeaders, 'content-security-policy', page.policy.join(nonce.toString()), 'content-length', String(length), 'x-page-cache', cacheState];
  if (gzip) headers.push('content-encoding', 'gzip');
  response.writeHead(page.status, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // The pieces go out together (one writev), not copied into one buffer first.
  response.cork();
  for (const piece of pieces) response.write(piece);
  response.end();
  response.uncork();
}

/** Sends a page that is not stored (not a 200, or without a nonce to renew) as it was rendered. */
function sendRendered(request: IncomingMessage, response: ServerResponse, page: RenderedPage): void {
  for (const [name, value] of page.headers) if (!PER_RESPONSE_HEADERS.has(name)) response.appendHeader(name, value);
  response.setHeader('content-length', page.body.length);
  response.statusCode = page.status;
  response.end(request.method === 'HEAD' ? undefined : page.body);
}

const cacheKey = (request: IncomingMessage) => `${request.headers.host ?? ''} ${request.url ?? ''}`;

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
  /**
   * Answers from the cache without waiting for anything, when the page is
   * stored and the data version is known to be the one it was made from;
   * otherwise returns false (then `serve`). A hit creates no promise: in a
   * process where Next.js tracks async context, each costs as much as the rest.
   */
  serveStored(request: IncomingMessage, response: ServerResponse): boolean {
    const version = this.options.knownVersion?.() ?? null;
    if (version === null) return false;
    const stored = this.pages.get(cacheKey(request));
    if (!stored || stored.version !== version) return false;
    send(request, response, stored, 'hit');
    return true;
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const key = cacheKey(request);
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
