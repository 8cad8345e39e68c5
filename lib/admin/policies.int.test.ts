import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deletePolicyAction, savePolicyAction } from '@/app/admin/policies/actions';
import { db } from '@/lib/db';
import { listRevisions } from '@/lib/revisions';
import { applyDocument, documentOf, eventInput, sourceInput } from '../../tests/integration/factories';
import { signInAs, signOut, submit } from '../../tests/integration/requests';

const unique = () => `policy-${randomUUID().slice(0, 8)}`;

describe('policy actions', () => {
  beforeEach(() => signOut());

  it('refuses an anonymous caller and writes nothing', async () => {
    const slug = unique();
    const state = await submit(savePolicyAction, { slug, title: 'Anonymous policy', summary: 'Should not be saved.' });
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/sign in/i);
    expect(await db.policy.findUnique({ where: { slug } })).toBeNull();
  });

  it('creates a policy for an editor, records the revision and lands on the public page', async () => {
    const editor = await signInAs('editor', 'Erin Editor');
    const slug = unique();
    const state = await submit(savePolicyAction, { slug, title: 'EU AI Act', summary: 'The European regulation.' });
    expect(state.redirectedTo).toBe(`/policies/${slug}`);
    const policy = await db.policy.findUniqueOrThrow({ where: { slug } });
    expect(policy).toMatchObject({ title: 'EU AI Act', version: 1 });
    const [revision] = await listRevisions('policy', policy.id);
    expect(revision).toMatchObject({ action: 'create', authorLabel: 'Erin Editor', version: 1 });
    expect(editor.role).toBe('editor');
  });

  it('makes a slug from the title when none is given, and keeps markup as plain text', async () => {
    await signInAs('editor');
    const title = `Act <script>alert(1)</script> ${randomUUID().slice(0, 4)}`;
    const state = await submit(savePolicyAction, { slug: '', title, summary: '<b>bold</b>' });
    const policy = await db.policy.findFirstOrThrow({ where: { title } });
    expect(state.redirectedTo).toBe(`/policies/${policy.slug}`);
    expect(policy.slug).toMatch(/^act-script-alert-1-script-[a-z0-9]{4}$/);
    expect(policy.summary).toBe('<b>bold</b>');
  });

  it('rejects invalid fields with a message per field and writes nothing', async () => {
    await signInAs('editor');
    const before = await db.policy.count();
    const state = await submit(savePolicyAction, { slug: 'Not A Slug!', title: '', summary: 'x'.repeat(4001) });
    expect(state.status).toBe('error');
    expect(state.errors).toMatchObject({
      title: 'A title is required',
      summary: 'A summary is at most 4000 characters',
    });
    expect(state.errors?.slug).toMatch(/lower-case letters/);
    expect(state.values?.summary).toHaveLength(4001);
    expect(await db.policy.count()).toBe(before);
  });

  it('refuses a duplicate slug with a field error', async () => {
    await signInAs('editor');
    const slug = unique();
    await submit(savePolicyAction, { slug, title: 'First', summary: 'First.' });
    const state = await submit(savePolicyAction, { slug, title: 'Second', summary: 'Second.' });
    expect(state.errors?.slug).toBe(`Another policy already uses the slug "${slug}"; choose another`);
    expect(await db.policy.count({ where: { slug } })).toBe(1);
  });

  it('gives one success and one conflict to two edits of the same version, and keeps the loser\'s input', async () => {
    await signInAs('editor', 'First Editor');
    const slug = unique();
    await submit(savePolicyAction, { slug, title: 'Original', summary: 'Original summary.' });
    const policy = await db.policy.findUniqueOrThrow({ where: { slug } });

    const first = await submit(savePolicyAction, { id: policy.id, version: 1, slug, title: 'First edit', summary: 'Original summary.' });
    expect(first.redirectedTo).toBe(`/policies/${slug}`);

    await signInAs('editor', 'Second Editor');
    const second = await submit(savePolicyAction, { id: policy.id, version: 1, slug, title: 'Second edit', summary: 'Changed too.' });
    expect(second.status).toBe('error');
    expect(second.message).toContain('was changed by First Editor');
    expect(second.values).toMatchObject({ title: 'Second edit', summary: 'Changed too.' });
    expect(second.conflict).toEqual({
      version: 2,
      changedMeanwhile: [{ field: 'title', before: 'Original', after: 'First edit', by: 'First Editor' }],
    });
    expect((await db.policy.findUniqueOrThrow({ where: { slug } })).title).toBe('First edit');

    // Saving again over the version now stored is a deliberate overwrite.
    const retry = await submit(savePolicyAction, { id: policy.id, version: second.conflict?.version, slug, title: 'Second edit', summary: 'Changed too.' });
    expect(retry.redirectedTo).toBe(`/policies/${slug}`);
    expect(await db.policy.findUniqueOrThrow({ where: { slug } })).toMatchObject({ title: 'Second edit', version: 3 });
  });

  it('deletes to the trash, refuses while events belong to it, and records the deletion', async () => {
    await signInAs('editor');
    const usedSlug = unique();
    await applyDocument(
      documentOf({
        policies: [{ slug: usedSlug, title: 'In use', summary: 'Has an event.' }],
        sources: [sourceInput(`${usedSlug}-source`)],
        events: [eventInput(`${usedSlug}-event`, '2026-05', `${usedSlug}-source`, { policy: usedSlug })],
      }),
    );
    const used = await db.policy.findUniqueOrThrow({ where: { slug: usedSlug } });
    const refused = await submit(deletePolicyAction, { id: used.id, version: used.version });
    expect(refused.message).toBe('1 event belongs to this policy; move or delete it first.');
    expect((await db.policy.findUniqueOrThrow({ where: { id: used.id } })).deletedAt).toBeNull();

    const slug = unique();
    await submit(savePolicyAction, { slug, title: 'Short-lived', summary: 'Deleted soon.' });
    const policy = await db.policy.findUniqueOrThrow({ where: { slug } });
    const state = await submit(deletePolicyAction, { id: policy.id, version: policy.version });
    expect(state.redirectedTo).toContain('/admin/trash');
    expect((await db.policy.findUniqueOrThrow({ where: { slug } })).deletedAt).not.toBeNull();
    expect((await listRevisions('policy', policy.id))[0].action).toBe('delete');
  });
});
