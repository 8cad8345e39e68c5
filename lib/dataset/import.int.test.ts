import { beforeEach, describe, expect, it } from 'vitest';
import { deleteActor } from '@/lib/admin/actors';
import { deleteEvent } from '@/lib/admin/events';
import { deletePolicy } from '@/lib/admin/policies';
import { deleteSource } from '@/lib/admin/sources';
import { listTrash } from '@/lib/admin/trash';
import { applyDataset, type ApplyReport } from '@/lib/dataset/apply';
import { exportDataset } from '@/lib/dataset/export';
import { importDataset } from '@/lib/dataset/import';
import { validateDataset } from '@/lib/dataset/validate';
import { db } from '@/lib/db';
import { getEventBySlug } from '@/lib/events';
import { COMMAND_LINE_AUTHOR, listRevisions } from '@/lib/revisions';
import { documentOf, eventInput, sourceInput, uniquePrefix, validated, type DocumentInput } from '@/tests/integration/factories';
import { signInAs, signOut } from '@/tests/integration/requests';

const asCommandLine = { author: COMMAND_LINE_AUTHOR };
const counts = (created: number, updated: number, unchanged: number) => ({ created, updated, unchanged });

/** Two actors (the child listed first), two sources, a policy, a declared topic and two related events. */
function storyDocument(P: string): DocumentInput {
  const s = (name: string) => `${P}-${name}`;
  return documentOf({
    topics: [{ slug: s('topic'), name: 'A declared topic' }],
    actors: [
      { slug: s('agency'), name: 'An Agency', kind: 'agency', parent: s('department'), aliases: ['AA'] },
      { slug: s('department'), name: 'A Department', kind: 'government' },
    ],
    sources: [sourceInput(s('article')), { id: s('memo'), title: 'An offline memo', availability: 'unknown', publishedOn: '2026-05~' }],
    policies: [{ slug: s('policy'), title: 'A policy', summary: 'What the policy is.' }],
    events: [
      eventInput(s('drafted'), '2026-04', s('article'), {
        type: 'drafted',
        policy: s('policy'),
        topics: [s('topic')],
        actors: [{ actor: s('agency'), role: 'issuer' }],
        citations: [{ source: s('article'), quote: 'A draft circulated.' }, { source: s('memo') }],
      }),
      eventInput(s('postponed'), '2026-05-21', s('article'), {
        type: 'postponed',
        policy: s('policy'),
        relations: [{ type: 'follows', event: s('drafted') }],
      }),
    ],
  });
}

/** Rows in every table an import writes to. */
async function rowCounts() {
  const [events, actors, aliases, sources, policies, topics, citations, eventActors, eventTopics, relations, revisions] = await Promise.all([
    db.event.count(),
    db.actor.count(),
    db.actorAlias.count(),
    db.source.count(),
    db.policy.count(),
    db.topic.count(),
    db.citation.count(),
    db.eventActor.count(),
    db.eventTopic.count(),
    db.eventRelation.count(),
    db.revision.count(),
  ]);
  return { events, actors, aliases, sources, policies, topics, citations, eventActors, eventTopics, relations, revisions };
}

/** This prefix's records as the export shows them, keyed like "event:<slug>". */
async function exportedRecords(P: string): Promise<Map<string, unknown>> {
  const exported = await exportDataset(db);
  const mine = (key: string) => key.startsWith(`${P}-`);
  return new Map<string, unknown>([
    ...exported.actors.filter((actor) => mine(actor.slug)).map((actor) => [`actor:${actor.slug}`, actor] as const),
    ...exported.sources.filter((source) => mine(source.id)).map((source) => [`source:${source.id}`, source] as const),
    ...exported.policies.filter((policy) => mine(policy.slug)).map((policy) => [`policy:${policy.slug}`, policy] as const),
    ...exported.events.filter((event) => mine(event.slug)).map((event) => [`event:${event.slug}`, event] as const),
  ]);
}

async function importRevisions(P: string) {
  const rows = await db.revision.findMany({ where: { entityKey: { startsWith: `${P}-` } }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ ...row, before: row.before ? (JSON.parse(row.before) as unknown) : null, after: JSON.parse(row.after ?? 'null') as unknown }));
}

describe('importing a document', () => {
  beforeEach(() => signOut());

  it('reports every problem of an invalid document, each with its JSON path, and writes nothing', async () => {
    const P = uniquePrefix('im');
    const document = storyDocument(P);
    document.actors![0].kind = 'robot' as 'agency';
    document.sources![1].url = 'javascript:alert(1)';
    document.events![0].date = '2026-13';
    document.events![1].citations = [{ source: `${P}-nowhere` }];
    document.events!.push({ ...document.events![0] });
    const before = await rowCounts();

    const outcome = await importDataset(db, JSON.stringify(document), asCommandLine);

    expect(outcome.ok).toBe(false);
    const problems = outcome.ok ? [] : outcome.problems;
    expect(problems.map((problem) => problem.path)).toEqual([
      'actors[0].kind',
      'sources[1].url',
      'events[0].date',
      'events[2].date',
      'events[2].slug',
      'events[1].citations[0].source',
    ]);
    expect(problems[2].message).toMatch(/^"2026-13" is not a valid EDTF date/);
    expect(problems[4].message).toBe(`Duplicate event slug "${P}-drafted" (also at events[0])`);
    expect(problems[5].message).toBe(`No source with id "${P}-nowhere" in this document`);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a lone surrogate (JSON "\\ud800") with its path, where the database driver used to fail', async () => {
    const P = uniquePrefix('sur');
    const document = documentOf({ sources: [sourceInput(`${P}-source`)], events: [eventInput(`${P}-event`, '2026-05', `${P}-source`, { title: 'HALF' })] });
    const text = JSON.stringify(document).replace('HALF', 'Half \\ud800 a pair');
    const before = await rowCounts();
    const outcome = await importDataset(db, text, asCommandLine);
    expect(outcome).toEqual({
      ok: false,
      stoppedEarly: false,
      problems: [{ path: 'events[0].title', message: 'An event title cannot contain half of a character pair (found a lone U+D800)' }],
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('reports text that is not JSON as one problem with the whole document', async () => {
    const before = await rowCounts();
    const outcome = await importDataset(db, '{ "format": "policy-timeline/v1", ', asCommandLine);
    expect(outcome).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^The file is not valid JSON: /) }] });
    expect(await rowCounts()).toEqual(before);
  });

  it('reports created, updated and unchanged records, with one "import" revision for each record written', async () => {
    const P = uniquePrefix('im');
    const document = storyDocument(P);
    const first = await importDataset(db, JSON.stringify(document), asCommandLine);
    expect(first).toEqual({
      ok: true,
      report: {
        topics: counts(1, 0, 0),
        actors: counts(2, 0, 0),
        sources: counts(2, 0, 0),
        policies: counts(1, 0, 0),
        events: counts(2, 0, 0),
      },
    });

    // Topics have no history; every other created record has one revision, equal to what export shows.
    const created = await importRevisions(P);
    const exported = await exportedRecords(P);
    expect(created).toHaveLength(7);
    for (const revision of created) {
      expect(revision).toMatchObject({ action: 'import', version: 1, before: null, authorLabel: 'import', userId: null });
      expect(revision.after, `${revision.entityType}:${revision.entityKey}`).toEqual(exported.get(`${revision.entityType}:${revision.entityKey}`));
    }

    const again = await importDataset(db, JSON.stringify(document), asCommandLine);
    expect(again).toMatchObject({ ok: true, report: { events: counts(0, 0, 2), actors: counts(0, 0, 2), sources: counts(0, 0, 2) } });
    expect(await importRevisions(P)).toHaveLength(7);

    document.events![1].title = 'The signing was postponed';
    document.sources![0].availability = 'removed';
    const changed = await importDataset(db, JSON.stringify(document), asCommandLine);
    expect(changed).toMatchObject({
      ok: true,
      report: { events: counts(0, 1, 1), sources: counts(0, 1, 1), actors: counts(0, 0, 2), policies: counts(0, 0, 1), topics: counts(0, 0, 1) },
    });
    const event = await db.event.findUniqueOrThrow({ where: { slug: `${P}-postponed` } });
    expect(event.version).toBe(2);
    const [latest] = await listRevisions('event', event.id);
    expect(latest).toMatchObject({ action: 'import', version: 2, authorLabel: 'import' });
    expect(latest.changes).toEqual([{ field: 'title', before: `Event ${P}-postponed`, after: 'The signing was postponed' }]);
    const [sourceRevision] = await listRevisions('source', `${P}-article`);
    expect(sourceRevision.changes).toEqual([{ field: 'availability', before: 'live', after: 'removed' }]);
  });

  it('keeps the search text of an actor’s events current when an import renames the actor', async () => {
    const P = uniquePrefix('im');
    const document = storyDocument(P);
    await importDataset(db, JSON.stringify(document), asCommandLine);
    document.actors![0].aliases = ['Bureau of Zephyrs'];
    const outcome = await importDataset(db, JSON.stringify(document), asCommandLine);
    expect(outcome).toMatchObject({ ok: true, report: { actors: counts(0, 1, 1), events: counts(0, 0, 2) } });
    const event = await db.event.findUniqueOrThrow({ where: { slug: `${P}-drafted` }, select: { searchText: true } });
    expect(event.searchText).toContain('bureau of zephyrs');
  });

  it('brings back trashed records the document names, counting them as updated', async () => {
    const editor = await signInAs('editor');
    const P = uniquePrefix('im');
    const document = storyDocument(P);
    await applyDataset(db, validated(document), asCommandLine);
    const row = {
      drafted: await db.event.findUniqueOrThrow({ where: { slug: `${P}-drafted` } }),
      postponed: await db.event.findUniqueOrThrow({ where: { slug: `${P}-postponed` } }),
      agency: await db.actor.findUniqueOrThrow({ where: { slug: `${P}-agency` } }),
      memo: await db.source.findUniqueOrThrow({ where: { id: `${P}-memo` } }),
      policy: await db.policy.findUniqueOrThrow({ where: { slug: `${P}-policy` } }),
    };
    // Events first: an actor, source or policy still in use cannot be deleted.
    await deleteEvent(row.drafted.id, row.drafted.version, editor);
    await deleteEvent(row.postponed.id, row.postponed.version, editor);
    await deleteActor(row.agency.id, row.agency.version, editor);
    await deleteSource(row.memo.id, row.memo.version, editor);
    await deletePolicy(row.policy.id, row.policy.version, editor);
    const trashed = (await listTrash()).filter((item) => item.key.startsWith(`${P}-`));
    expect(trashed).toHaveLength(5);

    const outcome = await importDataset(db, JSON.stringify(document), asCommandLine);
    expect(outcome).toEqual({
      ok: true,
      report: {
        topics: counts(0, 0, 1),
        actors: counts(0, 1, 1),
        sources: counts(0, 1, 1),
        policies: counts(0, 1, 0),
        events: counts(0, 2, 0),
      },
    });
    expect((await listTrash()).filter((item) => item.key.startsWith(`${P}-`))).toEqual([]);
    const detail = await getEventBySlug(`${P}-drafted`);
    expect(detail?.actors.map((actor) => actor.slug)).toEqual([`${P}-agency`]);
    expect(detail?.policy?.slug).toBe(`${P}-policy`);

    // Created (1), deleted (2), brought back by the import (3).
    const [restored] = await listRevisions('event', row.drafted.id);
    expect(restored).toMatchObject({ action: 'import', version: 3, authorLabel: 'import', changes: [] });
    expect((await listRevisions('actor', row.agency.id))[0]).toMatchObject({ action: 'import', version: 3 });
    expect((await listRevisions('policy', row.policy.id))[0]).toMatchObject({ action: 'import', version: 3 });
    expect(await db.actor.findUniqueOrThrow({ where: { id: row.agency.id } })).toMatchObject({ deletedAt: null, parentId: expect.any(String) });
  });

  it('writes nothing when the import stops partway through', async () => {
    const P = uniquePrefix('im');
    const dataset = validated(storyDocument(P));
    const before = await rowCounts();
    const stopAtFifth = (done: number) => {
      if (done === 5) throw new Error('stopped at the fifth record');
    };
    await expect(applyDataset(db, dataset, { ...asCommandLine, onProgress: stopAtFifth })).rejects.toThrow('stopped at the fifth record');
    expect(await rowCounts()).toEqual(before);
    expect(await db.event.count({ where: { slug: { startsWith: `${P}-` } } })).toBe(0);
  });

  it('reports progress from 0 to the number of records, one step a record', async () => {
    const P = uniquePrefix('im');
    const calls: Array<[number, number]> = [];
    const report = await applyDataset(db, validated(storyDocument(P)), { ...asCommandLine, onProgress: (done, total) => calls.push([done, total]) });
    const records = Object.values(report as ApplyReport).reduce((sum, { created, updated, unchanged }) => sum + created + updated + unchanged, 0);
    expect(records).toBe(8);
    expect(calls).toEqual(Array.from({ length: records + 1 }, (_, done) => [done, records]));
  });
});

describe('exporting a selection of events', () => {
  it('holds the selected events with what they reference (actors with their parents), and validates', async () => {
    const P = uniquePrefix('im');
    await applyDataset(db, validated(storyDocument(P)), asCommandLine);
    const selection = await exportDataset(db, { eventWhere: { slug: `${P}-postponed` } });
    expect(selection.events.map((event) => event.slug)).toEqual([`${P}-postponed`]);
    // Its relation points outside the selection, so it is left out rather than dangling.
    expect(selection.events[0].relations).toEqual([]);
    expect(selection.sources.map((source) => source.id)).toEqual([`${P}-article`]);
    expect(selection.policies.map((policy) => policy.slug)).toEqual([`${P}-policy`]);
    expect(selection.actors).toEqual([]);
    expect(selection.topics).toEqual([]);

    const drafted = await exportDataset(db, { eventWhere: { slug: `${P}-drafted` } });
    expect(drafted.actors.map((actor) => actor.slug)).toEqual([`${P}-agency`, `${P}-department`]);
    expect(drafted.topics.map((topic) => topic.slug)).toEqual([`${P}-topic`]);
    expect(drafted.sources.map((source) => source.id)).toEqual([`${P}-article`, `${P}-memo`]);
    expect(validateDataset(drafted).ok).toBe(true);
    expect(validateDataset(selection).ok).toBe(true);
  });
});
