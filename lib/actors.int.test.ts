import { beforeAll, describe, expect, it } from 'vitest';
import { getActorBySlug, listActorIndex } from '@/lib/actors';
import { catalog } from '@/lib/catalog';
import { db } from '@/lib/db';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('act');
const s = (name: string) => `${P}-${name}`;
const mine = (slug: string) => slug.startsWith(`${P}-`);
const SOURCE = s('src');

/** Actor ids by slug (without the prefix), read once the document is applied. */
let ids: Record<string, string> = {};

beforeAll(async () => {
  await applyDocument(
    documentOf({
      actors: [
        { slug: s('gov'), name: 'Actors Test Government', kind: 'government' },
        { slug: s('dept'), name: 'Department of Records', kind: 'agency', parent: s('gov'), aliases: ['DoR'] },
        // Slug order and name order differ, so the name order is visible.
        { slug: s('bureau'), name: 'Zenith Bureau', kind: 'agency', parent: s('dept') },
        { slug: s('office'), name: 'Archive Office', kind: 'agency', parent: s('dept') },
        { slug: s('unit'), name: 'Microfilm Unit', kind: 'agency', parent: s('bureau') },
        { slug: s('alice'), name: 'Zora Quill', kind: 'person', aliases: ['Z. Quill', 'Senator Quill'] },
        { slug: s('bob'), name: 'Abel Quill', kind: 'person' },
        { slug: s('corp'), name: 'Quill Industries', kind: 'company' },
        { slug: s('ngo'), name: 'Quiet Foundation', kind: 'organization' },
      ],
      sources: [sourceInput(SOURCE)],
      events: [
        eventInput(s('e1'), '2026-01-01', SOURCE, {
          actors: [
            { actor: s('alice'), role: 'decision-maker' },
            { actor: s('dept'), role: 'issuer' },
            { actor: s('corp'), role: 'lobbyist' },
          ],
        }),
        eventInput(s('e2'), '2026-01-02', SOURCE, {
          actors: [
            { actor: s('alice'), role: 'decision-maker' },
            { actor: s('bureau'), role: 'issuer' },
          ],
        }),
        eventInput(s('e3'), '2026-01-03', SOURCE, {
          actors: [
            { actor: s('alice'), role: 'supporter' },
            { actor: s('corp'), role: 'opponent' },
            { actor: s('bob'), role: 'subject' },
          ],
        }),
        // One actor in two roles on the same event.
        eventInput(s('e4'), '2026-01-04', SOURCE, {
          actors: [
            { actor: s('alice'), role: 'decision-maker' },
            { actor: s('alice'), role: 'issuer' },
            { actor: s('unit'), role: 'issuer' },
          ],
        }),
      ],
    }),
  );
  const rows = await db.actor.findMany({ where: { slug: { startsWith: `${P}-` } }, select: { id: true, slug: true } });
  ids = Object.fromEntries(rows.map((row) => [row.slug.slice(P.length + 1), row.id]));
});

describe('listActorIndex on a hierarchy', () => {
  it('lists by name with parents and live event counts, an event counted once for two roles', async () => {
    const index = await listActorIndex({ q: 'Quill', kinds: ['person', 'company'], page: 1 });
    expect(index.actors.filter((actor) => mine(actor.slug)).map(({ slug, parent, eventCount }) => ({ slug, parent, eventCount }))).toEqual([
      { slug: s('bob'), parent: null, eventCount: 1 },
      { slug: s('corp'), parent: null, eventCount: 2 },
      // alice is in e1, e2, e3 and e4 — on e4 both as decision-maker and as issuer.
      { slug: s('alice'), parent: null, eventCount: 4 },
    ]);
    const unit = (await listActorIndex({ q: 'Microfilm Unit', kinds: ['agency'], page: 1 })).actors.find((actor) => mine(actor.slug));
    expect(unit).toMatchObject({ slug: s('unit'), parent: { slug: s('bureau'), name: 'Zenith Bureau' }, eventCount: 1 });
  });
});

describe('getActorBySlug', () => {
  it('gives an agency its parent, its children by name, and its roles', async () => {
    const dept = await getActorBySlug(s('dept'));
    expect(dept).not.toBeNull();
    expect(dept!.name).toBe('Department of Records');
    expect(dept!.kind).toBe('agency');
    expect(dept!.parent).toEqual({ slug: s('gov'), name: 'Actors Test Government' });
    expect(dept!.children).toEqual([
      { slug: s('office'), name: 'Archive Office', kind: 'agency' },
      { slug: s('bureau'), name: 'Zenith Bureau', kind: 'agency' },
    ]);
    expect(dept!.aliases.map((alias) => alias.alias)).toEqual(['DoR']);
    expect(dept!.roles).toEqual([{ role: 'issuer', count: 1 }]);
  });

  it('gives a person its aliases in order and its roles by count, then by name', async () => {
    const alice = await getActorBySlug(s('alice'));
    expect(alice!.parent).toBeNull();
    expect(alice!.children).toEqual([]);
    expect(alice!.aliases.map((alias) => alias.alias)).toEqual(['Z. Quill', 'Senator Quill']);
    expect(alice!.roles).toEqual([
      { role: 'decision-maker', count: 3 },
      { role: 'issuer', count: 1 },
      { role: 'supporter', count: 1 },
    ]);
  });

  it('lists only direct children, not grandchildren', async () => {
    const gov = await getActorBySlug(s('gov'));
    expect(gov!.children).toEqual([{ slug: s('dept'), name: 'Department of Records', kind: 'agency' }]);
    expect(gov!.roles).toEqual([]);
  });

  it('gives an actor without events no roles', async () => {
    const ngo = await getActorBySlug(s('ngo'));
    expect(ngo!.roles).toEqual([]);
    expect(ngo!.parent).toBeNull();
  });

  it('returns null for an unknown slug', async () => {
    expect(await getActorBySlug(s('nobody'))).toBeNull();
  });
});

describe("the catalog's withDescendants", () => {
  const sorted = (values: string[]) => [...values].sort();
  const withDescendantIds = async (roots: string[]) => (await catalog()).withDescendants(roots);

  it('returns the root and everything below it, at every depth', async () => {
    const result = await withDescendantIds([ids.gov]);
    expect(sorted(result)).toEqual(sorted([ids.gov, ids.dept, ids.bureau, ids.office, ids.unit]));
  });

  it('does not climb to parents or cross to siblings', async () => {
    const result = await withDescendantIds([ids.bureau]);
    expect(sorted(result)).toEqual(sorted([ids.bureau, ids.unit]));
  });

  it('returns a leaf alone', async () => {
    expect(await withDescendantIds([ids.alice])).toEqual([ids.alice]);
  });

  it('lists each id once when roots overlap', async () => {
    const result = await withDescendantIds([ids.bureau, ids.dept, ids.alice]);
    expect(result).toHaveLength(new Set(result).size);
    expect(sorted(result)).toEqual(sorted([ids.dept, ids.bureau, ids.office, ids.unit, ids.alice]));
  });

  it('returns nothing for no roots', async () => {
    expect(await withDescendantIds([])).toEqual([]);
  });
});
