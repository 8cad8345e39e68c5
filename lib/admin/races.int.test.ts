import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteActorAction } from '@/app/admin/actors/actions';
import { deleteEventAction, saveEventAction } from '@/app/admin/events/actions';
import { deletePolicyAction, savePolicyAction } from '@/app/admin/policies/actions';
import { deleteSourceAction, saveSourceAction } from '@/app/admin/sources/actions';
import { undeleteAction } from '@/app/admin/trash/actions';
import { db } from '@/lib/db';
import { listRevisions } from '@/lib/revisions';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';
import { signInAs, signOut, submit } from '@/tests/integration/requests';

/**
 * Two editors acting on one record at the same moment, with real concurrent
 * transactions. On PostgreSQL both transactions really run side by side: another
 * connection holds the record's row lock while both start, so both read the same
 * version before either can write — the race a conditional write must win.
 * On SQLite every transaction holds the write lock from its start, so the
 * second reads after the first has committed. Either way: one change lands, the
 * other is told why, and nothing is lost or doubled.
 */

const onPostgres = process.env.TEST_DATABASE === 'postgresql';

/** Runs `race` while another connection holds the row's lock (PostgreSQL), so that both sides read before either writes. */
async function whileRowHeld<T>(table: string, id: string, race: () => Promise<T>): Promise<T> {
  if (!onPostgres) return race();
  const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, [id]);
    const outcome = race();
    await sleep(400); // both sides have read the row and wait at their write
    await other.query('COMMIT');
    return await outcome;
  } finally {
    await other.end();
  }
}

type Outcome = { status: string; message?: string; errors?: Record<string, string>; redirectedTo?: string };

function oneEach(outcomes: Outcome[]): { won: Outcome; lost: Outcome } {
  const won = outcomes.filter((outcome) => outcome.redirectedTo !== undefined || outcome.status === 'success');
  const lost = outcomes.filter((outcome) => outcome.status === 'error');
  expect(won, JSON.stringify(outcomes)).toHaveLength(1);
  expect(lost, JSON.stringify(outcomes)).toHaveLength(1);
  return { won: won[0], lost: lost[0] };
}

describe('two editors at the same moment', () => {
  beforeEach(() => signOut());

  it('two saves of one policy at the same version: one lands, the other is the changed-meanwhile conflict', async () => {
    await signInAs('editor', 'Racing Editor');
    const slug = uniquePrefix('race-policy');
    await submit(savePolicyAction, { slug, title: 'Original', summary: 'Original.' });
    const policy = await db.policy.findUniqueOrThrow({ where: { slug } });

    const outcomes = await whileRowHeld('Policy', policy.id, () =>
      Promise.all([
        submit(savePolicyAction, { id: policy.id, version: 1, slug, title: 'First edit', summary: 'Original.' }),
        submit(savePolicyAction, { id: policy.id, version: 1, slug, title: 'Second edit', summary: 'Original.' }),
      ]),
    );

    const { lost } = oneEach(outcomes);
    expect(lost.message).toMatch(/changed by/);
    const stored = await db.policy.findUniqueOrThrow({ where: { slug } });
    expect(stored.version).toBe(2);
    expect(['First edit', 'Second edit']).toContain(stored.title);
    const revisions = await listRevisions('policy', policy.id);
    expect(revisions.map((revision) => revision.version).sort()).toEqual([1, 2]);
  });

  it('a save racing a delete of the same version: one lands, the other is refused', async () => {
    await signInAs('editor');
    const slug = uniquePrefix('race-delete');
    await submit(savePolicyAction, { slug, title: 'Original', summary: 'Original.' });
    const policy = await db.policy.findUniqueOrThrow({ where: { slug } });

    const outcomes = await whileRowHeld('Policy', policy.id, () =>
      Promise.all([
        submit(savePolicyAction, { id: policy.id, version: 1, slug, title: 'Edited', summary: 'Original.' }),
        submit(deletePolicyAction, { id: policy.id, version: 1 }),
      ]),
    );

    oneEach(outcomes);
    const stored = await db.policy.findUniqueOrThrow({ where: { slug } });
    expect(stored.version).toBe(2);
    // Either the edit landed on a live policy, or the unedited policy went to the trash.
    expect(stored.title).toBe(stored.deletedAt === null ? 'Edited' : 'Original');
    expect(await listRevisions('policy', policy.id)).toHaveLength(2);
  });

  it('two deletes of one event: one moves it to the trash, the other is refused, one revision', async () => {
    await signInAs('editor');
    const p = uniquePrefix('race-event');
    await applyDocument(documentOf({ sources: [sourceInput(`${p}-source`)], events: [eventInput(`${p}-event`, '2026-05-21', `${p}-source`)] }));
    const event = await db.event.findUniqueOrThrow({ where: { slug: `${p}-event` } });

    const outcomes = await whileRowHeld('Event', event.id, () =>
      Promise.all([submit(deleteEventAction, { id: event.id, version: event.version }), submit(deleteEventAction, { id: event.id, version: event.version })]),
    );

    oneEach(outcomes);
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.deletedAt).not.toBeNull();
    expect(stored.version).toBe(event.version + 1);
    expect((await listRevisions('event', event.id)).filter((revision) => revision.action === 'delete')).toHaveLength(1);
  });

  it('two saves of one event at the same version: one title lands, the other is the changed-meanwhile conflict', async () => {
    await signInAs('editor', 'Racing Editor');
    const p = uniquePrefix('race-save-event');
    await applyDocument(documentOf({ sources: [sourceInput(`${p}-source`)], events: [eventInput(`${p}-event`, '2026-05-21', `${p}-source`)] }));
    const event = await db.event.findUniqueOrThrow({ where: { slug: `${p}-event` } });
    const form = (title: string) => ({
      id: event.id,
      version: event.version,
      slug: event.slug,
      title,
      summary: event.summary,
      date: '2026-05-21',
      type: 'announced',
      jurisdiction: 'US',
      policy: '',
      newPolicyTitle: '',
      newPolicySummary: '',
      topics: '',
      'citations[0].key': 'c0',
      'citations[0].source': `${p}-source`,
      'citations[0].quote': '',
      'citations[0].newSource.title': '',
      'citations[0].newSource.publisher': '',
      'citations[0].newSource.publishedOn': '',
      'citations[0].newSource.url': '',
      'citations[0].newSource.availability': 'live',
      'citations[0].newSource.archiveUrl': '',
    });

    const outcomes = await whileRowHeld('Event', event.id, () => Promise.all([submit(saveEventAction, form('First title')), submit(saveEventAction, form('Second title'))]));

    const { won, lost } = oneEach(outcomes);
    expect(lost.message).toMatch(/changed by .* (after you opened this form|while you were saving)/);
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.version).toBe(event.version + 1);
    // The title that landed is the winner's, and the history holds exactly that one edit.
    expect(['First title', 'Second title']).toContain(stored.title);
    expect(won).toBe(outcomes[stored.title === 'First title' ? 0 : 1]);
    expect((await listRevisions('event', event.id)).filter((revision) => revision.action === 'update')).toHaveLength(1);
  });

  it('two deletes of one actor and of one source: each goes to the trash once, the second of each is refused', async () => {
    await signInAs('editor');
    const p = uniquePrefix('race-delete');
    await applyDocument(documentOf({ actors: [{ slug: `${p}-actor`, name: `Actor ${p}`, kind: 'agency' }], sources: [sourceInput(`${p}-source`)] }));
    const actor = await db.actor.findUniqueOrThrow({ where: { slug: `${p}-actor` } });
    const source = await db.source.findUniqueOrThrow({ where: { id: `${p}-source` } });

    const actorOutcomes = await whileRowHeld('Actor', actor.id, () =>
      Promise.all([submit(deleteActorAction, { id: actor.id, version: actor.version }), submit(deleteActorAction, { id: actor.id, version: actor.version })]),
    );
    const sourceOutcomes = await whileRowHeld('Source', source.id, () =>
      Promise.all([submit(deleteSourceAction, { id: source.id, version: source.version }), submit(deleteSourceAction, { id: source.id, version: source.version })]),
    );

    oneEach(actorOutcomes);
    oneEach(sourceOutcomes);
    expect((await db.actor.findUniqueOrThrow({ where: { id: actor.id } })).deletedAt).not.toBeNull();
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).deletedAt).not.toBeNull();
    expect((await listRevisions('actor', actor.id)).filter((revision) => revision.action === 'delete')).toHaveLength(1);
    expect((await listRevisions('source', source.id)).filter((revision) => revision.action === 'delete')).toHaveLength(1);
  });

  it('two restores of one event from the trash: it comes back once, the other is told it is not in the trash', async () => {
    await signInAs('editor');
    const p = uniquePrefix('race-undelete');
    await applyDocument(documentOf({ sources: [sourceInput(`${p}-source`)], events: [eventInput(`${p}-event`, '2026-05-21', `${p}-source`)] }));
    const event = await db.event.findUniqueOrThrow({ where: { slug: `${p}-event` } });
    await submit(deleteEventAction, { id: event.id, version: event.version });

    const outcomes = await whileRowHeld('Event', event.id, () =>
      Promise.all([submit(undeleteAction, { entityType: 'event', id: event.id }), submit(undeleteAction, { entityType: 'event', id: event.id })]),
    );

    const { lost } = oneEach(outcomes);
    expect(lost.message).toMatch(/not in the trash/);
    const stored = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.deletedAt).toBeNull();
    expect((await listRevisions('event', event.id)).filter((revision) => revision.action === 'undelete')).toHaveLength(1);
  });

  it('two creates of the same policy slug: one is created, the other gets the slug field message, never a 500', async () => {
    await signInAs('editor');
    const slug = uniquePrefix('race-create');
    const outcomes = await Promise.all([
      submit(savePolicyAction, { slug, title: 'Created first', summary: 'One.' }),
      submit(savePolicyAction, { slug, title: 'Created second', summary: 'Two.' }),
    ]);
    const { lost } = oneEach(outcomes);
    expect(lost.errors?.slug).toMatch(/already|another|in use|taken/i);
    expect(await db.policy.count({ where: { slug } })).toBe(1);
  });

  it('two creates of the same source id: one is created, the other gets the id field message', async () => {
    await signInAs('editor');
    const id = `race-source-${randomUUID().slice(0, 8)}`;
    const form = (title: string) => ({ id, title, publisher: '', publishedOn: '', url: '', availability: 'live', archiveUrl: '' });
    const outcomes = await Promise.all([submit(saveSourceAction, form('First')), submit(saveSourceAction, form('Second'))]);
    const { lost } = oneEach(outcomes);
    expect(lost.errors?.id).toMatch(/already|another|in use|taken/i);
    expect(await db.source.count({ where: { id } })).toBe(1);
  });
});
