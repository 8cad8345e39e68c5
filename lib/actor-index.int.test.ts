import { beforeAll, describe, expect, it } from 'vitest';
import { listActorIndex } from '@/lib/actors';
import { db } from '@/lib/db';
import { ACTOR_PAGE_SIZE, type ActorIndexQuery } from '@/lib/index-queries';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// The database is shared with other files: every actor here has the prefix in its name, and the searches use it.
const P = uniquePrefix('aidx');
const s = (name: string) => `${P}-${name}`;
const SOURCE = s('src');
const query = (fields: Partial<ActorIndexQuery>): ActorIndexQuery => ({ q: P, kinds: [], page: 1, ...fields });

beforeAll(async () => {
  await applyDocument(
    documentOf({
      sources: [sourceInput(SOURCE)],
      actors: [
        { slug: s('commerce'), name: `${P} Department of Commerce`, kind: 'agency' },
        { slug: s('nist'), name: `${P} Standards Institute`, kind: 'agency', parent: s('commerce'), aliases: [`${P}-NIST`] },
        { slug: s('lab'), name: `${P} Lab 100% safe_ty`, kind: 'company' },
        { slug: s('person'), name: `${P} A Person`, kind: 'person' },
        { slug: s('gone'), name: `${P} Gone`, kind: 'person' },
        ...Array.from({ length: ACTOR_PAGE_SIZE + 1 }, (_, index) => ({ slug: s(`crowd-${index}`), name: `${P} Crowd ${String(index).padStart(2, '0')}`, kind: 'organization' as const })),
      ],
      events: [
        // The person plays two roles in one event: it counts once.
        eventInput(s('e1'), '2026-05-21', SOURCE, { actors: [{ actor: s('person'), role: 'decision-maker' }, { actor: s('person'), role: 'issuer' }, { actor: s('nist'), role: 'subject' }] }),
        eventInput(s('e2'), '2026-05-22', SOURCE, { actors: [{ actor: s('person'), role: 'participant' }] }),
        eventInput(s('e-deleted'), '2026-05-23', SOURCE, { actors: [{ actor: s('person'), role: 'participant' }] }),
      ],
    }),
  );
  await db.event.update({ where: { slug: s('e-deleted') }, data: { deletedAt: new Date() } });
  await db.actor.update({ where: { slug: s('gone') }, data: { deletedAt: new Date() } });
});

describe('listActorIndex', () => {
  it('finds live actors by part of a name, case aside, by name, with kind, parent and live event count', async () => {
    const index = await listActorIndex(query({ q: `${P} department OF` }));
    expect(index.actors.map((actor) => actor.slug)).toEqual([s('commerce')]);
    const people = await listActorIndex(query({ kinds: ['person'] }));
    expect(people.actors).toEqual([{ slug: s('person'), name: `${P} A Person`, kind: 'person', parent: null, eventCount: 2, matchedAlias: null }]);
    const nist = (await listActorIndex(query({ q: `${P} standards` }))).actors[0];
    expect(nist).toMatchObject({ slug: s('nist'), parent: { slug: s('commerce'), name: `${P} Department of Commerce` }, eventCount: 1 });
  });

  it('finds an actor by an alias, and says which alias matched', async () => {
    const index = await listActorIndex(query({ q: `${P}-nist` }));
    expect(index.actors.map((actor) => [actor.slug, actor.matchedAlias])).toEqual([[s('nist'), `${P}-NIST`]]);
  });

  it('reads % and _ in a search as themselves', async () => {
    expect((await listActorIndex(query({ q: `${P} Lab 100% safe_ty` }))).actors.map((actor) => actor.slug)).toEqual([s('lab')]);
    expect((await listActorIndex(query({ q: `${P} L%` }))).actors).toEqual([]);
    expect((await listActorIndex(query({ q: `${P} Lab 100% safe_t_` }))).actors).toEqual([]);
  });

  it('filters by kinds and counts each kind among the search results', async () => {
    const index = await listActorIndex(query({ kinds: ['agency', 'company'] }));
    expect(index.actors.map((actor) => actor.slug)).toEqual([s('commerce'), s('lab'), s('nist')]);
    expect(index.total).toBe(3);
    expect(index.kinds).toEqual([
      { kind: 'person', count: 1 },
      { kind: 'company', count: 1 },
      { kind: 'agency', count: 2 },
      { kind: 'organization', count: ACTOR_PAGE_SIZE + 1 },
    ]);
  });

  it('pages by ACTOR_PAGE_SIZE', async () => {
    const first = await listActorIndex(query({ kinds: ['organization'] }));
    expect([first.total, first.pageCount, first.actors.length]).toEqual([ACTOR_PAGE_SIZE + 1, 2, ACTOR_PAGE_SIZE]);
    const second = await listActorIndex(query({ kinds: ['organization'], page: 2 }));
    expect(second.actors.map((actor) => actor.slug)).toEqual([s(`crowd-${ACTOR_PAGE_SIZE}`)]);
  });
});
