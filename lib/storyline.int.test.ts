import { beforeAll, describe, expect, it } from 'vitest';
import { dataVersion } from '@/lib/data-version';
import { db } from '@/lib/db';
import { builtEventIndex, eventIndex } from '@/lib/event-index';
import { getStorylineNeighbours } from '@/lib/storyline';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('story');
const s = (name: string) => `${P}-${name}`;
const SOURCE = s('src');
const inPolicy = (slug: string, date: string) => eventInput(s(slug), date, SOURCE, { policy: s('policy') });

beforeAll(async () => {
  await applyDocument(
    documentOf({
      sources: [sourceInput(SOURCE)],
      policies: [{ slug: s('policy'), title: 'Storyline policy', summary: 'A policy.' }],
      events: [
        // Listed out of order; the chronology puts the month before the day that starts it, then sorts by slug.
        inPolicy('d-day', '2026-05-01'),
        inPolicy('a-year', '2025'),
        inPolicy('c-month', '2026-05'),
        inPolicy('b-deleted', '2025-06'),
        inPolicy('e-day-same', '2026-05-01'),
        eventInput(s('loose'), '2026-05-02', SOURCE),
      ],
    }),
  );
  await db.event.update({ where: { slug: s('b-deleted') }, data: { deletedAt: new Date() } });
});

const neighbours = async (slug: string) => {
  const result = await getStorylineNeighbours(s(slug));
  return result && { previous: result.previous?.slug ?? null, next: result.next?.slug ?? null, position: result.position, count: result.count };
};

describe('getStorylineNeighbours', () => {
  it('walks the live events of the policy in the chronology’s order', async () => {
    expect(await neighbours('a-year')).toEqual({ previous: null, next: s('c-month'), position: 1, count: 4 });
    expect(await neighbours('c-month')).toEqual({ previous: s('a-year'), next: s('d-day'), position: 2, count: 4 });
    expect(await neighbours('d-day')).toEqual({ previous: s('c-month'), next: s('e-day-same'), position: 3, count: 4 });
    expect(await neighbours('e-day-same')).toEqual({ previous: s('d-day'), next: null, position: 4, count: 4 });
  });

  it('gives the policy and each neighbour’s title and date', async () => {
    const result = await getStorylineNeighbours(s('c-month'));
    expect(result?.policy).toEqual({ slug: s('policy'), title: 'Storyline policy' });
    expect(result?.previous).toEqual({ slug: s('a-year'), title: `Event ${s('a-year')}`, date: '2025' });
  });

  it('has nothing for an event outside any policy, or a deleted one', async () => {
    expect(await getStorylineNeighbours(s('loose'))).toBeNull();
    expect(await getStorylineNeighbours(s('b-deleted'))).toBeNull();
  });
});

describe('the filter index a storyline is read from', () => {
  it('is not waited for while the current data version’s is being built: the storyline is read from the database', async () => {
    await eventIndex();
    // A change of the data (a revision, as any write records): an index built before it is of an older version.
    await db.revision.create({ data: { entityType: 'policy', entityId: s('policy'), entityKey: s('policy'), action: 'update', version: 2, authorLabel: 'a test' } });
    expect(await builtEventIndex()).toBeNull();
    expect(await neighbours('c-month')).toEqual({ previous: s('a-year'), next: s('d-day'), position: 2, count: 4 });
    // Once built it is used. Other test files write to the same database meanwhile, which can start a newer
    // version between the two calls: a few tries find a moment without.
    let built = null;
    for (let tries = 0; tries < 20 && !built; tries++) {
      await eventIndex();
      built = await builtEventIndex();
    }
    expect(built?.version).toBe(await dataVersion());
  });
});
