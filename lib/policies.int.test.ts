import { EMPTY_FILTER } from '@/lib/filters';
import { beforeAll, describe, expect, it } from 'vitest';
import { timelineView } from '@/lib/timeline';
import { getPolicyBySlug } from '@/lib/policies';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('pol');
const s = (name: string) => `${P}-${name}`;
const SOURCE = s('src');

beforeAll(async () => {
  await applyDocument(
    documentOf({
      sources: [sourceInput(SOURCE)],
      policies: [
        { slug: s('signed'), title: 'Signed policy', summary: 'Signed, then commented on.' },
        { slug: s('empty'), title: 'Policy without events', summary: 'Nothing has happened yet.' },
        { slug: s('talk'), title: 'Talked-about policy', summary: 'Only commentary so far.' },
        { slug: s('postponed'), title: 'Postponed policy', summary: 'Signing postponed.' },
        { slug: s('precision'), title: 'Mixed-precision policy', summary: 'Dates of different precision.' },
        { slug: s('removed'), title: 'Removed policy', summary: 'Taken down.' },
      ],
      events: [
        // Listed out of date order: the status must come from the dates, not the document order.
        eventInput(s('signed-statement'), '2026-05-01', SOURCE, { policy: s('signed'), type: 'statement' }),
        eventInput(s('signed-signing'), '2026-03-01', SOURCE, { policy: s('signed'), type: 'signed', title: 'The order is signed' }),
        eventInput(s('signed-lobbying'), '2026-04-01', SOURCE, { policy: s('signed'), type: 'lobbying' }),
        eventInput(s('signed-proposal'), '2026-01-10', SOURCE, { policy: s('signed'), type: 'proposed' }),
        eventInput(s('signed-hearing'), '2026-06-01', SOURCE, { policy: s('signed'), type: 'hearing' }),
        eventInput(s('signed-other'), '2026-07-01', SOURCE, { policy: s('signed'), type: 'other' }),

        eventInput(s('talk-statement'), '2026-02-01', SOURCE, { policy: s('talk'), type: 'statement' }),
        eventInput(s('talk-lobbying'), '2026-03-01', SOURCE, { policy: s('talk'), type: 'lobbying' }),

        eventInput(s('postponed-drafted'), '2026-04', SOURCE, { policy: s('postponed'), type: 'drafted' }),
        eventInput(s('postponed-announced'), '2026-05-14', SOURCE, { policy: s('postponed'), type: 'announced' }),
        eventInput(s('postponed-postponed'), '2026-05-21', SOURCE, { policy: s('postponed'), type: 'postponed', title: 'Signing postponed' }),
        eventInput(s('postponed-reaction'), '2026-05-22', SOURCE, { policy: s('postponed'), type: 'statement' }),

        // A month-precision event starting later beats a year-precision event that starts earlier.
        eventInput(s('precision-revised'), '2026-03', SOURCE, { policy: s('precision'), type: 'revised' }),
        eventInput(s('precision-drafted'), '2026', SOURCE, { policy: s('precision'), type: 'drafted' }),

        eventInput(s('removed-released'), '2026-01-05', SOURCE, { policy: s('removed'), type: 'released' }),
        eventInput(s('removed-removed'), '2026-01-20', SOURCE, { policy: s('removed'), type: 'removed' }),
      ],
    }),
  );
});

describe('getPolicyBySlug', () => {
  it('returns the policy with the status of its latest status-bearing event', async () => {
    const policy = await getPolicyBySlug(s('signed'));
    expect(policy).not.toBeNull();
    expect(policy!).toMatchObject({ slug: s('signed'), title: 'Signed policy', summary: 'Signed, then commented on.' });
    expect(policy!.status).toEqual({
      label: 'Signed',
      since: { slug: s('signed-signing'), title: 'The order is signed', date: '2026-03-01' },
    });
  });

  it('is not moved by later lobbying, statements, hearings or other events', async () => {
    const policy = await getPolicyBySlug(s('signed'));
    expect(policy!.status?.since.slug).toBe(s('signed-signing'));
  });

  it('follows the latest status event when it is a postponement', async () => {
    const policy = await getPolicyBySlug(s('postponed'));
    expect(policy!.status).toEqual({
      label: 'Postponed',
      since: { slug: s('postponed-postponed'), title: 'Signing postponed', date: '2026-05-21' },
    });
  });

  it('orders status events by their derived dates', async () => {
    const policy = await getPolicyBySlug(s('precision'));
    expect(policy!.status?.label).toBe('Revised');
    expect(policy!.status?.since.slug).toBe(s('precision-revised'));
  });

  it('labels a removal as "Removed from publication"', async () => {
    const policy = await getPolicyBySlug(s('removed'));
    expect(policy!.status?.label).toBe('Removed from publication');
  });

  it('has no status without events', async () => {
    const policy = await getPolicyBySlug(s('empty'));
    expect(policy).not.toBeNull();
    expect(policy!.status).toBeNull();
  });

  it('has no status when it has only commentary', async () => {
    const policy = await getPolicyBySlug(s('talk'));
    expect(policy!.status).toBeNull();
  });

  it('has a storyline of exactly its events, read through the timeline view', async () => {
    const storyline = (slug: string) =>
      timelineView({ filter: { ...EMPTY_FILTER, policies: [slug] }, order: 'asc', after: null, before: null, page: 1 });
    const { page } = await storyline(s('postponed'));
    expect(page.total).toBe(4);
    expect(page.events.map((event) => event.slug)).toEqual([
      s('postponed-drafted'),
      s('postponed-announced'),
      s('postponed-postponed'),
      s('postponed-reaction'),
    ]);
    expect((await storyline(s('empty'))).page.total).toBe(0);
  });

  it('returns null for an unknown slug', async () => {
    expect(await getPolicyBySlug(s('nothing'))).toBeNull();
  });
});
