import { beforeEach, describe, expect, it } from 'vitest';
import { deleteActorAction, saveActorAction } from '@/app/admin/actors/actions';
import { createActorInTransaction } from '@/lib/admin/actors';
import { db } from '@/lib/db';
import { listRevisions } from '@/lib/revisions';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '../../tests/integration/factories';
import { signInAs, signOut, submit } from '../../tests/integration/requests';

const unique = () => uniquePrefix('actor');

type ActorFields = Partial<Record<'id' | 'version' | 'slug' | 'name' | 'kind' | 'parent' | 'aliases', string | number>>;
const actorForm = (fields: ActorFields) => ({ slug: '', name: 'An actor', kind: 'agency', parent: '', aliases: '', ...fields });

const actorBySlug = (slug: string) =>
  db.actor.findUniqueOrThrow({ where: { slug }, include: { parent: { select: { slug: true } }, aliases: { orderBy: { position: 'asc' } } } });

/** Commerce ⊃ NIST ⊃ a NIST lab, created as one editor would. */
async function createHierarchy() {
  const root = unique();
  await submit(saveActorAction, actorForm({ slug: root, name: 'Department of Commerce', kind: 'government' }));
  await submit(saveActorAction, actorForm({ slug: `${root}-nist`, name: 'NIST', parent: root }));
  await submit(saveActorAction, actorForm({ slug: `${root}-lab`, name: 'A NIST laboratory', parent: `${root}-nist` }));
  return { root: await actorBySlug(root), child: await actorBySlug(`${root}-nist`), grandchild: await actorBySlug(`${root}-lab`) };
}

describe('actor actions', () => {
  beforeEach(() => signOut());

  it('refuses an anonymous caller for every action and writes nothing', async () => {
    const slug = unique();
    const saved = await submit(saveActorAction, actorForm({ slug, name: 'Anonymous actor' }));
    expect(saved.status).toBe('error');
    expect(saved.message).toMatch(/sign in/i);
    expect(await db.actor.findUnique({ where: { slug } })).toBeNull();
    expect(await db.revision.count({ where: { entityType: 'actor', entityKey: slug } })).toBe(0);

    await applyDocument(documentOf({ actors: [{ slug, name: 'Existing actor', kind: 'company' }] }));
    const revisionsBefore = await db.revision.count();
    const actor = await actorBySlug(slug);
    const edited = await submit(saveActorAction, actorForm({ id: actor.id, version: actor.version, slug, name: 'Renamed' }));
    expect(edited.message).toMatch(/sign in/i);
    const deleted = await submit(deleteActorAction, { id: actor.id, version: actor.version });
    expect(deleted.message).toMatch(/sign in/i);
    expect(await actorBySlug(slug)).toMatchObject({ name: 'Existing actor', deletedAt: null, version: 1 });
    expect(await db.revision.count()).toBe(revisionsBefore);
  });

  it('creates an actor with its parent and aliases, records the revision and lands on the public page', async () => {
    await signInAs('editor', 'Erin Editor');
    const parent = unique();
    await applyDocument(documentOf({ actors: [{ slug: parent, name: 'Department of Commerce', kind: 'government' }] }));
    const slug = unique();
    const state = await submit(saveActorAction, actorForm({ slug, name: 'National Institute of Standards and Technology', parent, aliases: 'NIST\nNat. Inst. Standards, NIST\n' }));
    expect(state.redirectedTo).toBe(`/actors/${slug}`);
    const actor = await actorBySlug(slug);
    expect(actor).toMatchObject({ kind: 'agency', version: 1, parent: { slug: parent } });
    expect(actor.aliases.map((alias) => alias.alias)).toEqual(['NIST', 'Nat. Inst. Standards']);
    const [revision] = await listRevisions('actor', actor.id);
    expect(revision).toMatchObject({ action: 'create', authorLabel: 'Erin Editor', version: 1 });
    expect(revision.after).toEqual({ slug, name: 'National Institute of Standards and Technology', kind: 'agency', parent, aliases: ['NIST', 'Nat. Inst. Standards'] });
  });

  it('makes a slug from the name when none is given', async () => {
    await signInAs('editor');
    const name = `Anthropic ${unique()}`;
    const state = await submit(saveActorAction, actorForm({ name, kind: 'company' }));
    const actor = await db.actor.findFirstOrThrow({ where: { name } });
    expect(actor.slug).toMatch(/^anthropic-actor-[a-f0-9]{10}$/);
    expect(state.redirectedTo).toBe(`/actors/${actor.slug}`);
  });

  it('rejects invalid fields with a message per field, keeps the input and writes nothing', async () => {
    await signInAs('editor');
    const before = await db.actor.count();
    const state = await submit(saveActorAction, actorForm({ name: 'x'.repeat(161), kind: 'dragon', aliases: `NIST\n${'a'.repeat(121)}` }));
    expect(state.status).toBe('error');
    expect(state.errors).toEqual({
      name: 'A name is at most 160 characters',
      kind: 'The kind of actor must be one of "person", "company", "agency", "government", "legislature", "court", "organization"',
      aliases: 'An alias is at most 120 characters',
    });
    expect(state.values).toMatchObject({ kind: 'dragon', name: 'x'.repeat(161) });
    expect(await db.actor.count()).toBe(before);
  });

  it('refuses a parent that does not exist or is in the trash, as an error on the parent', async () => {
    await signInAs('editor');
    const before = await db.actor.count();
    const unknown = await submit(saveActorAction, actorForm({ name: 'Orphan', parent: 'no-such-actor' }));
    expect(unknown.errors).toEqual({ parent: 'No actor has the slug "no-such-actor"' });

    const trashed = unique();
    await submit(saveActorAction, actorForm({ slug: trashed, name: 'Gone agency' }));
    const gone = await actorBySlug(trashed);
    await submit(deleteActorAction, { id: gone.id, version: gone.version });
    const inTrash = await submit(saveActorAction, actorForm({ name: 'Orphan', parent: trashed }));
    expect(inTrash.errors?.parent).toBe('"Gone agency" is in the trash; restore it first or choose another parent');
    expect(await db.actor.count()).toBe(before + 1);
  });

  it('refuses to make an actor its own parent or put it under one of its descendants', async () => {
    await signInAs('editor');
    const { root, child, grandchild } = await createHierarchy();
    const edit = (parent: string) => submit(saveActorAction, actorForm({ id: root.id, version: root.version, slug: root.slug, name: root.name, kind: 'government', parent }));

    expect((await edit(root.slug)).errors).toEqual({ parent: 'An actor cannot be its own parent' });
    expect((await edit(child.slug)).errors).toEqual({ parent: '"NIST" sits under this actor, so it cannot also be its parent' });
    expect((await edit(grandchild.slug)).errors).toEqual({ parent: '"A NIST laboratory" sits under this actor, so it cannot also be its parent' });
    expect(await actorBySlug(root.slug)).toMatchObject({ parentId: null, version: 1 });
    expect(await listRevisions('actor', root.id)).toHaveLength(1);
  });

  it('refuses a duplicate slug with a field error, for live and deleted actors', async () => {
    await signInAs('editor');
    const slug = unique();
    await submit(saveActorAction, actorForm({ slug, name: 'First' }));
    const duplicate = await submit(saveActorAction, actorForm({ slug, name: 'Second' }));
    expect(duplicate.errors).toEqual({ slug: `Another actor already uses the slug "${slug}"; choose another` });
    expect(await db.actor.count({ where: { slug } })).toBe(1);

    const first = await actorBySlug(slug);
    await submit(deleteActorAction, { id: first.id, version: first.version });
    const overDeleted = await submit(saveActorAction, actorForm({ slug, name: 'Third' }));
    expect(overDeleted.errors?.slug).toBe(`A deleted actor uses the slug "${slug}"; restore it from the trash or choose another slug`);
  });

  it('edits an actor, replacing its aliases in order, and records the change with its author', async () => {
    await signInAs('editor', 'Edith Editor');
    const slug = unique();
    await submit(saveActorAction, actorForm({ slug, name: 'Old name', aliases: 'A\nB' }));
    const actor = await actorBySlug(slug);
    const state = await submit(saveActorAction, actorForm({ id: actor.id, version: 1, slug, name: 'New name', kind: 'court', aliases: 'C\nA' }));
    expect(state.redirectedTo).toBe(`/actors/${slug}`);
    const saved = await actorBySlug(slug);
    expect(saved).toMatchObject({ name: 'New name', kind: 'court', version: 2 });
    expect(saved.aliases.map((alias) => [alias.alias, alias.position])).toEqual([['C', 0], ['A', 1]]);
    const [revision] = await listRevisions('actor', actor.id);
    expect(revision).toMatchObject({ action: 'update', authorLabel: 'Edith Editor', version: 2 });
    expect(revision.changes).toEqual([
      { field: 'name', before: 'Old name', after: 'New name' },
      { field: 'kind', before: 'agency', after: 'court' },
      { field: 'aliases', before: ['A', 'B'], after: ['C', 'A'] },
    ]);
  });

  it('gives one success and one conflict to two edits of the same version', async () => {
    await signInAs('editor', 'First Editor');
    const slug = unique();
    await submit(saveActorAction, actorForm({ slug, name: 'Original' }));
    const actor = await actorBySlug(slug);
    const first = await submit(saveActorAction, actorForm({ id: actor.id, version: 1, slug, name: 'First edit' }));
    expect(first.redirectedTo).toBe(`/actors/${slug}`);

    await signInAs('editor', 'Second Editor');
    const second = await submit(saveActorAction, actorForm({ id: actor.id, version: 1, slug, name: 'Second edit', aliases: 'Kept' }));
    expect(second.status).toBe('error');
    expect(second.message).toContain('was changed by First Editor');
    expect(second.values).toMatchObject({ name: 'Second edit', aliases: 'Kept' });
    expect(second.conflict).toEqual({
      version: 2,
      changedMeanwhile: [{ field: 'name', before: 'Original', after: 'First edit', by: 'First Editor' }],
    });
    expect(await actorBySlug(slug)).toMatchObject({ name: 'First edit', version: 2 });
  });

  it('deletes to the trash, refusing while live events list the actor or live actors sit under it', async () => {
    await signInAs('editor', 'Dana Deleter');
    const used = unique();
    await applyDocument(
      documentOf({
        actors: [{ slug: used, name: 'Busy agency', kind: 'agency' }],
        sources: [sourceInput(`${used}-source`)],
        events: [
          eventInput(`${used}-event`, '2026-05', `${used}-source`, {
            actors: [
              { actor: used, role: 'issuer' },
              { actor: used, role: 'decision-maker' },
            ],
          }),
        ],
      }),
    );
    const busy = await actorBySlug(used);
    const refused = await submit(deleteActorAction, { id: busy.id, version: busy.version });
    expect(refused.message).toBe('This actor is still in use: 1 event lists it (remove it from that event first).');
    expect((await actorBySlug(used)).deletedAt).toBeNull();

    const { root, child, grandchild } = await createHierarchy();
    const parentRefused = await submit(deleteActorAction, { id: root.id, version: root.version });
    expect(parentRefused.message).toBe('This actor is still in use: 1 actor sits under it: NIST (give it another parent first).');

    const state = await submit(deleteActorAction, { id: grandchild.id, version: grandchild.version });
    expect(state.redirectedTo).toBe(`/admin/trash?deleted=${encodeURIComponent(`actor:${grandchild.slug}`)}`);
    expect((await actorBySlug(grandchild.slug)).deletedAt).not.toBeNull();
    const [revision] = await listRevisions('actor', grandchild.id);
    expect(revision).toMatchObject({ action: 'delete', authorLabel: 'Dana Deleter', version: 2 });
    // With its only sub-unit gone, NIST can go too.
    expect((await submit(deleteActorAction, { id: child.id, version: child.version })).redirectedTo).toContain('/admin/trash');
  });

  it('creates an actor inside another transaction, with its revision, and rolls back with it', async () => {
    const editor = await signInAs('editor', 'Inline Editor');
    const slug = unique();
    const id = await db.$transaction((tx) => createActorInTransaction(tx, { slug, name: 'Inline actor', kind: 'person', parent: null, aliases: [] }, editor));
    expect(await actorBySlug(slug)).toMatchObject({ id, name: 'Inline actor' });
    expect(await listRevisions('actor', id)).toMatchObject([{ action: 'create', authorLabel: 'Inline Editor' }]);

    const rolledBack = unique();
    const failing = db.$transaction(async (tx) => {
      await createActorInTransaction(tx, { slug: rolledBack, name: 'Never kept', kind: 'person', parent: null, aliases: [] }, editor);
      await createActorInTransaction(tx, { slug: rolledBack, name: 'Same slug', kind: 'person', parent: null, aliases: [] }, editor);
    });
    await expect(failing).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { slug: `Another actor already uses the slug "${rolledBack}"; choose another` } });
    expect(await db.actor.findUnique({ where: { slug: rolledBack } })).toBeNull();
    expect(await db.revision.count({ where: { entityKey: rolledBack } })).toBe(0);
  });
});
