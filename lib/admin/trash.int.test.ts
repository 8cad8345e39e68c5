import { beforeEach, describe, expect, it } from 'vitest';
import { deleteActorAction } from '@/app/admin/actors/actions';
import { deleteEventAction, saveEventAction } from '@/app/admin/events/actions';
import { deletePolicyAction } from '@/app/admin/policies/actions';
import { deleteSourceAction } from '@/app/admin/sources/actions';
import { undeleteAction } from '@/app/admin/trash/actions';
import { listTrash } from '@/lib/admin/trash';
import { db } from '@/lib/db';
import { getEventBySlug, listEvents, resolveEventFilter } from '@/lib/events';
import { parseTimelineQuery } from '@/lib/filters';
import { listRevisions } from '@/lib/revisions';
import { applyDocument, documentOf, sourceInput, uniquePrefix } from '../../tests/integration/factories';
import { signInAs, signOut, submit } from '../../tests/integration/requests';

// Every record of this file carries this prefix; the database is shared with other test files.
const P = uniquePrefix('trash');
let counter = 0;
const unique = (label: string) => `${P}-${label}-${++counter}`;

/** An event made through the form, with its own actor, source and policy, so each can go to the trash on its own. */
async function eventWithDependencies() {
  const key = unique('set');
  const names = { actor: `Trash Actor ${key}`, source: `Trash Source ${key}`, policy: `Trash Policy ${key}` };
  const slugs = { actor: `${key}-actor`, source: `${key}-src`, policy: `${key}-policy`, event: `${key}-event` };
  await applyDocument(
    documentOf({
      actors: [{ slug: slugs.actor, name: names.actor, kind: 'agency' }],
      sources: [sourceInput(slugs.source, { title: names.source })],
      policies: [{ slug: slugs.policy, title: names.policy, summary: 'A policy.' }],
    }),
  );
  const saved = await submit(saveEventAction, {
    slug: slugs.event,
    title: `Trashable event ${key}`,
    summary: 'An event that will be deleted.',
    date: '2026-05-21',
    type: 'announced',
    jurisdiction: 'US',
    policy: slugs.policy,
    'actors[0].actor': slugs.actor,
    'actors[0].role': 'issuer',
    'citations[0].source': slugs.source,
    'citations[0].quote': 'A quoted passage.',
  });
  expect(saved.redirectedTo).toBe(`/events/${slugs.event}`);
  const event = await db.event.findUniqueOrThrow({ where: { slug: slugs.event } });
  return { key, names, slugs, event };
}

/** The chronology as a visitor filtering on this actor sees it. */
async function timelineOf(actorSlug: string): Promise<string[]> {
  const { query } = parseTimelineQuery({ actor: actorSlug });
  const resolved = await resolveEventFilter(query.filter);
  const page = await listEvents(query, { filter: resolved });
  return page.events.map((event) => event.slug);
}

async function deleteEvent(id: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id } });
  return submit(deleteEventAction, { id, version: event.version });
}

const trashEntry = async (id: string) => (await listTrash()).find((item) => item.id === id);

describe('the trash', () => {
  beforeEach(() => signOut());

  it('hides a deleted event from readers and lists it in the trash with who deleted it', async () => {
    await signInAs('editor', 'Dana Deleter');
    const { slugs, event } = await eventWithDependencies();
    expect(await timelineOf(slugs.actor)).toEqual([slugs.event]);

    const state = await deleteEvent(event.id);
    expect(state.redirectedTo).toBe(`/admin/trash?deleted=${encodeURIComponent(`event:${slugs.event}`)}`);

    expect(await timelineOf(slugs.actor)).toEqual([]);
    expect(await getEventBySlug(slugs.event)).toBeNull();
    expect(await trashEntry(event.id)).toMatchObject({
      entityType: 'event',
      key: slugs.event,
      label: event.title,
      deletedBy: 'Dana Deleter',
    });
    const [deletion] = await listRevisions('event', event.id);
    expect(deletion).toMatchObject({ action: 'delete', version: 2, authorLabel: 'Dana Deleter' });
    // Still in the database, so its slug stays taken until it is restored or purged.
    const reuse = await submit(saveEventAction, {
      slug: slugs.event,
      title: 'Another event',
      summary: 'Reusing the slug.',
      date: '2026-06',
      type: 'announced',
      jurisdiction: 'US',
      'citations[0].source': slugs.source,
    });
    expect(reuse.errors).toEqual({ slug: `A deleted event uses the slug "${slugs.event}"; restore it from the trash or choose another slug` });
  });

  it('refuses to delete an event over a stale version', async () => {
    await signInAs('editor', 'Stale Editor');
    const { slugs, event } = await eventWithDependencies();
    const state = await submit(deleteEventAction, { id: event.id, version: event.version + 1 });
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/^This event was changed by/);
    expect(await getEventBySlug(slugs.event)).not.toBeNull();
  });

  it('brings an event back from the trash with a revision of who restored it', async () => {
    await signInAs('editor', 'Dana Deleter');
    const { slugs, event } = await eventWithDependencies();
    const detailBefore = await getEventBySlug(slugs.event);
    await deleteEvent(event.id);

    await signInAs('editor', 'Uma Undeleter');
    const state = await submit(undeleteAction, { entityType: 'event', id: event.id });
    expect(state.redirectedTo).toBe(`/events/${slugs.event}`);

    expect(await trashEntry(event.id)).toBeUndefined();
    expect(await timelineOf(slugs.actor)).toEqual([slugs.event]);
    const detailAfter = await getEventBySlug(slugs.event);
    expect({ ...detailAfter, updatedAt: null }).toEqual({ ...detailBefore, updatedAt: null });
    const revisions = await listRevisions('event', event.id);
    expect(revisions.map((revision) => [revision.action, revision.version, revision.authorLabel])).toEqual([
      ['undelete', 3, 'Uma Undeleter'],
      ['delete', 2, 'Dana Deleter'],
      ['create', 1, 'Dana Deleter'],
    ]);

    const again = await submit(undeleteAction, { entityType: 'event', id: event.id });
    expect(again).toMatchObject({ status: 'error', message: 'This item is not in the trash; it may have been restored already.' });
  });

  it('refuses to bring an event back while its actor, source and policy are in the trash, then does once they are restored', async () => {
    await signInAs('editor', 'Dana Deleter');
    const { names, slugs, event } = await eventWithDependencies();
    await deleteEvent(event.id);
    // With the event gone, nothing live uses its actor, source or policy, so they can go too.
    const actor = await db.actor.findUniqueOrThrow({ where: { slug: slugs.actor } });
    const source = await db.source.findUniqueOrThrow({ where: { id: slugs.source } });
    const policy = await db.policy.findUniqueOrThrow({ where: { slug: slugs.policy } });
    expect((await submit(deleteActorAction, { id: actor.id, version: actor.version })).redirectedTo).toContain('/admin/trash');
    expect((await submit(deleteSourceAction, { id: source.id, version: source.version })).redirectedTo).toContain('/admin/trash');
    expect((await submit(deletePolicyAction, { id: policy.id, version: policy.version })).redirectedTo).toContain('/admin/trash');
    expect(await trashEntry(actor.id)).toMatchObject({ entityType: 'actor', label: names.actor, deletedBy: 'Dana Deleter' });

    const revisions = await db.revision.count();
    const refused = await submit(undeleteAction, { entityType: 'event', id: event.id });
    expect(refused.status).toBe('error');
    expect(refused.message).toBe(
      `Restore its policy "${names.policy}", its actor "${names.actor}", its source "${names.source}" first: it is in the trash too.`,
    );
    expect(await getEventBySlug(slugs.event)).toBeNull();
    expect(await db.revision.count()).toBe(revisions);

    expect((await submit(undeleteAction, { entityType: 'actor', id: actor.id })).redirectedTo).toBe(`/actors/${slugs.actor}`);
    expect((await submit(undeleteAction, { entityType: 'policy', id: policy.id })).redirectedTo).toBe(`/policies/${slugs.policy}`);
    const stillBlocked = await submit(undeleteAction, { entityType: 'event', id: event.id });
    expect(stillBlocked.message).toBe(`Restore its source "${names.source}" first: it is in the trash too.`);

    expect((await submit(undeleteAction, { entityType: 'source', id: source.id })).redirectedTo).toBe(`/admin/sources/${slugs.source}/edit`);
    const restored = await submit(undeleteAction, { entityType: 'event', id: event.id });
    expect(restored.redirectedTo).toBe(`/events/${slugs.event}`);
    const detail = await getEventBySlug(slugs.event);
    expect(detail?.actors.map((link) => [link.slug, link.role])).toEqual([[slugs.actor, 'issuer']]);
    expect(detail?.citations.map((citation) => [citation.source.id, citation.quote])).toEqual([[slugs.source, 'A quoted passage.']]);
    expect(detail?.policy?.slug).toBe(slugs.policy);
  });

  it('refuses an item that is not in the trash and a kind of item that does not exist', async () => {
    await signInAs('editor');
    const { event } = await eventWithDependencies();
    expect(await submit(undeleteAction, { entityType: 'event', id: event.id })).toMatchObject({
      status: 'error',
      message: 'This item is not in the trash; it may have been restored already.',
    });
    expect(await submit(undeleteAction, { entityType: 'user', id: event.id })).toMatchObject({ status: 'error', message: 'Unknown kind of item.' });
  });

  it('refuses an anonymous caller and leaves the event in the trash', async () => {
    await signInAs('editor');
    const { slugs, event } = await eventWithDependencies();
    await deleteEvent(event.id);
    signOut();
    const revisions = await db.revision.count();

    const state = await submit(undeleteAction, { entityType: 'event', id: event.id });
    expect(state.status).toBe('error');
    expect(state.message).toBe('Your session has ended. Sign in again to continue.');
    expect(await getEventBySlug(slugs.event)).toBeNull();
    expect(await trashEntry(event.id)).toMatchObject({ key: slugs.event });
    expect(await db.revision.count()).toBe(revisions);
  });
});
