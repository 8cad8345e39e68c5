import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSourceCheck } from '@/lib/sources-watch/run';
import { applyDocument, documentOf, sourceInput, uniquePrefix } from '@/tests/integration/factories';
import { startSourceFixtures, type SourceFixtures } from '@/tests/source-fixtures';

let fixtures: SourceFixtures;
const prefix = uniquePrefix('limits');
const PER_SOURCE_MS = 150;
const COUNT = 24;
const ids = Array.from({ length: COUNT }, (_, index) => `${prefix}-${index}`);

beforeAll(async () => {
  fixtures = await startSourceFixtures();
  const port = new URL(fixtures.origin).port;
  // Two hosts for one server: half the sources by address, half by name.
  const hostFor = (index: number) => (index % 2 === 0 ? `127.0.0.1:${port}` : `localhost:${port}`);
  await applyDocument(
    documentOf({ sources: ids.map((id, index) => sourceInput(id, { url: `http://${hostFor(index)}/delay?ms=${PER_SOURCE_MS}&n=${index}` })) }),
  );
});
afterAll(() => fixtures.close());

describe('a run keeps to its limits', () => {
  it('never has more requests in flight than allowed, overall and per host, and takes about what the limits imply', async () => {
    const progress: number[] = [];
    const started = Date.now();
    const summary = await runSourceCheck({
      settings: {
        goneAfter: 3,
        goneHours: 48,
        concurrency: 3,
        perHost: 2,
        archiveAvailabilityUrl: null,
        archiveSaveUrl: null,
        fetch: { timeoutMs: 5_000, userAgent: 'TimelineTest/1', maxBodyBytes: 64 * 1024, maxRedirects: 5, allowPrivate: true },
      },
      sourceIds: ids,
      onProgress: ({ done, total }) => {
        expect(total).toBe(COUNT);
        progress.push(done);
      },
    });
    const elapsed = Date.now() - started;
    expect(summary.counts.reachable).toBe(COUNT);
    expect(progress).toEqual(Array.from({ length: COUNT }, (_, index) => index + 1));
    expect(fixtures.delayPeak.all).toBe(3);
    expect(Math.max(...fixtures.delayPeak.byHost.values())).toBeLessThanOrEqual(2);
    // HEAD and GET per source: at least ceil(24 / 3) rounds of two requests; not serialised either.
    expect(elapsed).toBeGreaterThanOrEqual(Math.ceil(COUNT / 3) * 2 * PER_SOURCE_MS);
    expect(elapsed).toBeLessThan(COUNT * 2 * PER_SOURCE_MS);
  });
});
