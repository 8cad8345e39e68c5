import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup, isPublicAddress } from '@/lib/sources-watch/address-guard';
import { classifyFetch } from '@/lib/sources-watch/classify';
import { fetchPage, type FetchLimits } from '@/lib/sources-watch/fetch-page';
import { SLOW_MS, startSourceFixtures, type SourceFixtures } from '@/tests/source-fixtures';

let fixtures: SourceFixtures;
beforeAll(async () => {
  fixtures = await startSourceFixtures();
});
afterAll(() => fixtures.close());

const LIMITS: FetchLimits = { timeoutMs: 4_000, userAgent: 'TimelineTest/1 (+mailto:watch@example.org)', maxBodyBytes: 256 * 1024, maxRedirects: 5, allowPrivate: true };
const fresh = { fingerprint: null, acceptedFinalUrl: null };
const check = async (path: string, limits: Partial<FetchLimits> = {}) => {
  const page = await fetchPage(`${fixtures.origin}${path}`, { ...LIMITS, ...limits });
  return { page, finding: classifyFetch(page, fresh) };
};

describe('fetchPage and classifyFetch against the fixture server', () => {
  it('finds a page reachable, reads its main text into a fingerprint and says who is asking', async () => {
    const { page, finding } = await check('/announcement');
    expect(page).toMatchObject({ method: 'GET', status: 200, finalUrl: `${fixtures.origin}/announcement`, failure: null });
    expect(finding).toMatchObject({ outcome: 'reachable', detail: 'HTTP 200 OK' });
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fixtures.userAgents.get('/announcement')).toBe(LIMITS.userAgent);
  });

  it('follows a redirect to the same page and finds it reachable', async () => {
    const { page, finding } = await check('/same');
    expect(page.hops).toEqual([`${fixtures.origin}/same`, `${fixtures.origin}/same/`]);
    expect(finding.outcome).toBe('reachable');
  });

  it('calls a redirect to the home page gone (a soft 404)', async () => {
    const { page, finding } = await check('/to-home');
    expect(page.finalUrl).toBe(`${fixtures.origin}/`);
    expect(finding).toMatchObject({ outcome: 'gone', detail: `redirected to the site's home page (${fixtures.origin}/)` });
  });

  it('calls 404 and 410 gone, 500 failing', async () => {
    expect((await check('/missing')).finding).toMatchObject({ outcome: 'gone', detail: 'HTTP 404 Not Found' });
    expect((await check('/gone')).finding).toMatchObject({ outcome: 'gone', detail: 'HTTP 410 Gone' });
    expect((await check('/broken')).finding).toMatchObject({ outcome: 'failing', detail: 'HTTP 500 Internal Server Error' });
  });

  it('falls back to GET when HEAD is refused', async () => {
    const { page, finding } = await check('/head-refused');
    expect(page).toMatchObject({ method: 'GET', status: 200 });
    expect(finding.outcome).toBe('reachable');
  });

  it('gives up on a slow answer at the timeout and calls it failing', async () => {
    const started = Date.now();
    const { page, finding } = await check('/slow', { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(SLOW_MS);
    expect(page.failure?.kind).toBe('timeout');
    expect(finding).toMatchObject({ outcome: 'failing', detail: 'no answer within 300 ms' });
  });

  it('reads an oversize body only up to the limit and closes the connection', async () => {
    const { page, finding } = await check('/huge', { maxBodyBytes: 64 * 1024 });
    expect(page.truncated).toBe(true);
    expect(Buffer.byteLength(page.body ?? '')).toBeLessThanOrEqual(64 * 1024);
    expect(finding.outcome).toBe('reachable');
    expect(finding.detail).toContain('only the first part of the page was read');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fixtures.hugeBytesWritten()).toBeLessThan(20 * 1024 * 1024);
  });

  it('calls a page changed when its main text differs substantially from the last fingerprint, not otherwise', async () => {
    fixtures.state.changing = 'original';
    const first = await check('/changing');
    const again = classifyFetch(await fetchPage(`${fixtures.origin}/changing`, LIMITS), { fingerprint: first.finding.fingerprint, acceptedFinalUrl: null });
    expect(again.outcome).toBe('reachable');
    fixtures.state.changing = 'rewritten';
    const changed = classifyFetch(await fetchPage(`${fixtures.origin}/changing`, LIMITS), { fingerprint: first.finding.fingerprint, acceptedFinalUrl: null });
    expect(changed.outcome).toBe('changed');
    fixtures.state.changing = 'original';
  });

  it('refuses private and loopback addresses unless allowed, by literal and by name', async () => {
    const literal = await check('/announcement', { allowPrivate: false });
    expect(literal.page.failure?.kind).toBe('blocked');
    expect(literal.finding.outcome).toBe('failing');
    const byName = await fetchPage(fixtures.origin.replace('127.0.0.1', 'localhost') + '/announcement', { ...LIMITS, allowPrivate: false });
    expect(byName.failure?.kind).toBe('blocked');
    expect(fixtures.userAgents.size).toBeGreaterThan(0);
  });

  it('refuses addresses that are not http or https', async () => {
    const page = await fetchPage('ftp://example.org/file', LIMITS);
    expect(page.failure?.kind).toBe('scheme');
  });
});

describe('the address guard', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.0.0.8', false],
    ['192.168.1.1', false],
    ['172.16.5.4', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('hands the socket exactly the addresses it checked, and refuses a name with any private address', async () => {
    const resolved = await new Promise<unknown>((resolve) => guardedLookup(true)('localhost', { all: true }, (error, addresses) => resolve(error ?? addresses)));
    expect(resolved).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
    const refused = await new Promise<unknown>((resolve) => guardedLookup(false)('localhost', {}, (error) => resolve(error)));
    expect(refused).toBeInstanceOf(Error);
    expect(String(refused)).toMatch(/private or local address/);
  });
});
