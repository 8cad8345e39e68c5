import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideSourceAttentionAction } from '@/app/admin/sources/attention/actions';
import { db } from '@/lib/db';
import { dataVersion } from '@/lib/data-version';
import { listRevisions } from '@/lib/revisions';
import { draftEventForSource, listSourcesNeedingAttention } from '@/lib/sources-watch/attention';
import { sourceChangesFeed } from '@/lib/sources-watch/feed';
import { sourceCheckLines } from '@/lib/sources-watch/reader';
import { runSourceCheck, type RunSummary } from '@/lib/sources-watch/run';
import type { WatchSettings } from '@/lib/sources-watch/settings';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';
import { signInAs, signOut, submit } from '@/tests/integration/requests';
import { SNAPSHOT_STAMP, startSourceFixtures, type SourceFixtures } from '@/tests/source-fixtures';
import { parseStrictXml } from '@/tests/unit/strict-xml';

let fixtures: SourceFixtures;
const prefix = uniquePrefix('watch');
const PATHS = ['/announcement', '/same', '/to-home', '/missing', '/gone', '/broken', '/slow', '/changing', '/comeback', '/head-refused'] as const;
const idOf = (path: string) => `${prefix}${path.replaceAll('/', '-')}`;
const ids = PATHS.map(idOf);
const unknownId = `${prefix}-unknown`;

const START = new Date('2026-05-20T06:00:00Z');
let clock = START;
const hoursLater = (hours: number) => new Date(START.getTime() + hours * 3_600_000);

let settings: WatchSettings;
const run = (hours: number, options: { includeRemoved?: boolean } = {}): Promise<RunSummary> => {
  clock = hoursLater(hours);
  return runSourceCheck({ settings, sourceIds: [...ids, unknownId], now: () => clock, ...options });
};
const outcomes = (summary: RunSummary) => Object.fromEntries(summary.results.map((result) => [result.sourceId, result.outcome]));
const availability = async (id: string) => (await db.source.findUniqueOrThrow({ where: { id } })).availability;

beforeAll(async () => {
  fixtures = await startSourceFixtures();
  settings = {
    goneAfter: 3,
    goneHours: 48,
    concurrency: 4,
    perHost: 3,
    archiveAvailabilityUrl: fixtures.availabilityUrl,
    archiveSaveUrl: fixtures.saveUrl,
    fetch: { timeoutMs: 2_000, userAgent: 'TimelineTest/1 (+mailto:watch@example.org)', maxBodyBytes: 512 * 1024, maxRedirects: 5, allowPrivate: true },
  };
  await applyDocument(
    documentOf({
      sources: [
        ...PATHS.map((path) => sourceInput(idOf(path), { title: `Page ${path}`, publisher: 'Commerce', url: `${fixtures.origin}${path}` })),
        sourceInput(unknownId, { availability: 'unknown', url: `${fixtures.origin}/announcement?copy=1` }),
      ],
      events: [eventInput(`${prefix}-cites-missing`, '2026-05', idOf('/missing'))],
    }),
  );
});
afterAll(() => fixtures.close());

describe('npm run sources:check against the fixture server, with a controlled clock', () => {
  it('first run: classifies every fixture, keeps each check, marks nothing removed from one check', async () => {
    const versionBefore = await dataVersion();
    const summary = await run(0);
    expect(outcomes(summary)).toEqual({
      [idOf('/announcement')]: 'reachable',
      [idOf('/same')]: 'reachable',
      [idOf('/to-home')]: 'gone',
      [idOf('/missing')]: 'gone',
      [idOf('/gone')]: 'gone',
      [idOf('/broken')]: 'failing',
      [idOf('/slow')]: 'failing',
      [idOf('/changing')]: 'reachable',
      [idOf('/comeback')]: 'gone',
      [idOf('/head-refused')]: 'reachable',
      [unknownId]: 'reachable',
    });
    for (const id of ids) expect(await availability(id)).toBe('live');
    const check = await db.sourceCheck.findFirstOrThrow({ where: { sourceId: idOf('/to-home') } });
    expect(check).toMatchObject({ httpStatus: 200, finalUrl: `${fixtures.origin}/`, outcome: 'gone', method: 'GET', runId: summary.runId });
    expect(check.detail).toContain("home page");
    // An unknown source found reachable is now known to be live: an edit by "source check".
    expect(await availability(unknownId)).toBe('live');
    const [revision] = await listRevisions('source', unknownId);
    expect(revision).toMatchObject({ authorLabel: 'source check', action: 'update', changes: [{ field: 'availability', before: 'unknown', after: 'live' }] });
    expect(await db.revision.findFirstOrThrow({ where: { entityId: unknownId }, orderBy: { id: 'desc' } })).toMatchObject({ authorKind: 'source-check', userId: null });
    // Newly added sources found reachable were offered to the archive; readers' caches see the run.
    expect(fixtures.saveRequests).toContain(`${fixtures.origin}/announcement`);
    expect(await dataVersion()).not.toBe(versionBefore);
    const attention = await listSourcesNeedingAttention();
    const mine = attention.filter((item) => item.sourceId.startsWith(prefix));
    expect(mine.map((item) => [item.sourceId, item.attention]).sort()).toEqual(
      [idOf('/comeback'), idOf('/gone'), idOf('/missing'), idOf('/to-home')].map((id) => [id, 'gone']).sort(),
    );
    expect(mine.find((item) => item.sourceId === idOf('/missing'))?.checks[0]).toMatchObject({ httpStatus: 404, detail: 'HTTP 404 Not Found' });
  });

  it('second run a day later: a rewritten page is changed; still nothing removed (48 hours not yet spanned)', async () => {
    fixtures.state.changing = 'rewritten';
    const [versionBefore, newestRevision] = [await dataVersion(), await db.revision.aggregate({ _max: { id: true } })];
    const summary = await run(24);
    // No availability changed, so no revision: reader caches still see the run, through its id.
    expect((await db.revision.aggregate({ _max: { id: true } }))._max.id).toBe(newestRevision._max.id);
    expect(await dataVersion()).not.toBe(versionBefore);
    expect(outcomes(summary)[idOf('/changing')]).toBe('changed');
    expect(await availability(idOf('/missing'))).toBe('live');
    expect((await db.sourceWatch.findUniqueOrThrow({ where: { sourceId: idOf('/changing') } })).attention).toBe('changed');
  });

  it('third run at 48 hours: gone three times over 48 hours, so removed by "source check", with the archived copy and the first-missing time', async () => {
    const summary = await run(48);
    for (const path of ['/to-home', '/missing', '/gone', '/comeback']) {
      const result = summary.results.find((entry) => entry.sourceId === idOf(path));
      expect(result).toMatchObject({ transition: 'remove', availability: 'removed' });
      const source = await db.source.findUniqueOrThrow({ where: { id: idOf(path) } });
      expect(source).toMatchObject({ availability: 'removed', archiveUrl: `${fixtures.origin}/web/${SNAPSHOT_STAMP}/${fixtures.origin}${path}` });
      const [revision] = await listRevisions('source', idOf(path));
      expect(revision.authorLabel).toBe('source check');
      expect(revision.changes.map((change) => change.field).sort()).toEqual(['archiveUrl', 'availability']);
    }
    // The changed page was reported once; it is now the baseline.
    expect(outcomes(summary)[idOf('/changing')]).toBe('reachable');
    const line = (await sourceCheckLines([idOf('/missing')])).get(idOf('/missing'));
    expect(line).toEqual({ lastCheckedAt: hoursLater(48), outcome: 'gone', goneSince: START });
    // Failing for days is never removal.
    expect(await availability(idOf('/broken'))).toBe('live');
    expect(fixtures.availabilityLookups).toContain(`${fixtures.origin}/missing`);
  });

  it('at 72 hours a failing source needs attention, and a removed one that came back is live again (with --include-removed)', async () => {
    fixtures.state.comeback = 'back';
    const summary = await run(72, { includeRemoved: true });
    expect(summary.results.find((result) => result.sourceId === idOf('/comeback'))).toMatchObject({ outcome: 'reachable', transition: 'back', availability: 'live' });
    const [revision] = await listRevisions('source', idOf('/comeback'));
    expect(revision).toMatchObject({ authorLabel: 'source check', changes: [{ field: 'availability', before: 'removed', after: 'live' }] });
    const watches = await db.sourceWatch.findMany({ where: { sourceId: { in: [idOf('/broken'), idOf('/comeback')] } }, orderBy: { sourceId: 'asc' } });
    expect(watches.map((watch) => watch.attention)).toEqual(['failing', 'back']);
  });

  it('publishes the changes as an Atom feed a strict XML reader accepts', async () => {
    const xml = await sourceChangesFeed('https://timeline.example.org');
    type Entry = { title: { '#text': string }; link: { '@_href': string }; content: { '#text': string } };
    const { feed } = parseStrictXml<{ feed: { title: string; entry: Entry[] } }>(xml, { ignoreAttributes: false, isArray: (name: string) => name === 'entry' });
    expect(feed.title).toBe('AI Policy Timeline: source changes');
    const titles = feed.entry.map((entry) => entry.title['#text']);
    expect(titles).toContain('Marked removed: Page /missing');
    expect(titles).toContain('No longer at its address: Page /to-home');
    expect(titles).toContain('Back at its address: Page /comeback');
    expect(titles).toContain('Changed substantially: Page /changing');
    const removed = feed.entry.find((entry) => entry.title['#text'] === 'Marked removed: Page /missing')!;
    expect(removed.link['@_href']).toBe(`https://timeline.example.org/events/${prefix}-cites-missing`);
    expect(removed.content['#text']).toContain('HTTP 404 Not Found');
  });

  it('drafts an event about a removed source, dated honestly and citing it', async () => {
    let key = 0;
    const draft = await draftEventForSource(idOf('/missing'), () => `k${key++}`);
    expect(draft).toMatchObject({ title: 'Page /missing no longer available at 127.0.0.1', type: 'removed', date: '../2026-05-20' });
    expect(draft?.citations[0].source).toBe(idOf('/missing'));
    expect(await draftEventForSource(idOf('/announcement'), () => 'k')).toBeNull();
  });

  it('lets an editor dismiss a wrong "gone" (the change is undone in the history) and confirm a change; anonymous callers and stale forms are refused', async () => {
    signOut();
    const watch = await db.sourceWatch.findUniqueOrThrow({ where: { sourceId: idOf('/to-home') } });
    const anonymous = await submit(decideSourceAttentionAction, { sourceId: idOf('/to-home'), version: watch.version, decision: 'dismiss' });
    expect(anonymous.status).toBe('error');
    expect(await availability(idOf('/to-home'))).toBe('removed');

    const editor = await signInAs('editor', 'Watch Editor');
    const bad = await submit(decideSourceAttentionAction, { sourceId: idOf('/to-home'), version: watch.version, decision: 'shrug' });
    expect(bad).toMatchObject({ status: 'error', errors: { decision: 'Choose Confirm or Dismiss' } });
    const stale = await submit(decideSourceAttentionAction, { sourceId: idOf('/to-home'), version: watch.version - 1, decision: 'dismiss' });
    expect(stale.message).toMatch(/found something new/);

    const dismissed = await submit(decideSourceAttentionAction, { sourceId: idOf('/to-home'), version: watch.version, decision: 'dismiss' });
    expect(dismissed.redirectedTo).toBe(`/admin/sources/attention?dismissed=${idOf('/to-home')}`);
    expect(await availability(idOf('/to-home'))).toBe('live');
    const [undo] = await listRevisions('source', idOf('/to-home'));
    expect(undo).toMatchObject({ authorLabel: editor.name, changes: [{ field: 'availability', before: 'removed', after: 'live' }] });

    const changing = await db.sourceWatch.findUniqueOrThrow({ where: { sourceId: idOf('/changing') } });
    await submit(decideSourceAttentionAction, { sourceId: idOf('/changing'), version: changing.version, decision: 'confirm' });
    const remaining = (await listSourcesNeedingAttention()).filter((item) => item.sourceId.startsWith(prefix)).map((item) => item.sourceId);
    expect(remaining).not.toContain(idOf('/to-home'));
    expect(remaining).not.toContain(idOf('/changing'));
    signOut();

    // The redirect the editor accepted no longer counts as gone.
    const later = await run(96);
    expect(outcomes(later)[idOf('/to-home')]).toBe('reachable');
  });
});
