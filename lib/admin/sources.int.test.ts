import { beforeEach, describe, expect, it } from 'vitest';
import { deleteSourceAction, markSourceRemovedAction, saveSourceAction } from '@/app/admin/sources/actions';
import { createSourceInTransaction, updateSource } from '@/lib/admin/sources';
import { db } from '@/lib/db';
import { listRevisions } from '@/lib/revisions';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '../../tests/integration/factories';
import { signInAs, signOut, submit } from '../../tests/integration/requests';

const unique = () => uniquePrefix('source');

type SourceFields = Partial<Record<'id' | 'version' | 'title' | 'publisher' | 'publishedOn' | 'url' | 'availability' | 'archiveUrl', string | number>>;
const sourceForm = (fields: SourceFields) => ({
  id: '',
  title: 'A source',
  publisher: '',
  publishedOn: '',
  url: '',
  availability: 'live',
  archiveUrl: '',
  ...fields,
});

const URL_ERROR = 'A URL must be an absolute http:// or https:// address';

describe('source actions', () => {
  beforeEach(() => signOut());

  it('refuses an anonymous caller for every action and writes nothing', async () => {
    const id = unique();
    const created = await submit(saveSourceAction, sourceForm({ id, title: 'Anonymous source' }));
    expect(created.status).toBe('error');
    expect(created.message).toMatch(/sign in/i);
    expect(await db.source.findUnique({ where: { id } })).toBeNull();
    expect(await db.revision.count({ where: { entityType: 'source', entityKey: id } })).toBe(0);

    await applyDocument(documentOf({ sources: [sourceInput(id, { title: 'Existing source' })] }));
    const revisionsBefore = await db.revision.count();
    const edited = await submit(saveSourceAction, sourceForm({ id, version: 1, title: 'Renamed' }));
    const removed = await submit(markSourceRemovedAction, { id, version: 1 });
    const deleted = await submit(deleteSourceAction, { id, version: 1 });
    for (const state of [edited, removed, deleted]) expect(state.message).toMatch(/sign in/i);
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: 'Existing source', availability: 'live', deletedAt: null, version: 1 });
    expect(await db.revision.count()).toBe(revisionsBefore);
  });

  it('creates a source for an editor, records the revision and comes back to its edit page', async () => {
    await signInAs('editor', 'Erin Editor');
    const id = unique();
    const fields = {
      id,
      title: 'White House postpones executive order on AI',
      publisher: 'CNN Business',
      publishedOn: '2026-05-21',
      url: 'https://edition.cnn.com/example',
      availability: 'live',
      archiveUrl: 'https://web.archive.org/web/2026/https://edition.cnn.com/example',
    };
    const state = await submit(saveSourceAction, sourceForm(fields));
    expect(state.redirectedTo).toBe(`/admin/sources/${id}/edit?saved=1`);
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ ...fields, version: 1 });
    const [revision] = await listRevisions('source', id);
    expect(revision).toMatchObject({ action: 'create', authorLabel: 'Erin Editor', version: 1, after: fields });
  });

  it('makes the id from the publisher and title when none is given, numbered when taken', async () => {
    await signInAs('editor');
    const title = `Commerce announcement ${unique()}`;
    const first = await submit(saveSourceAction, sourceForm({ title, publisher: 'NIST' }));
    const second = await submit(saveSourceAction, sourceForm({ title, publisher: 'NIST', publishedOn: '2026-05~' }));
    const id = `nist-commerce-announcement-${title.split(' ').pop()}`;
    expect(first.redirectedTo).toBe(`/admin/sources/${id}/edit?saved=1`);
    expect(second.redirectedTo).toBe(`/admin/sources/${id}-2/edit?saved=1`);
    expect(await db.source.findUniqueOrThrow({ where: { id: `${id}-2` } })).toMatchObject({ title, publishedOn: '2026-05~', publisher: 'NIST' });
  });

  it('rejects invalid fields with a message per field, keeps the input and writes nothing', async () => {
    await signInAs('editor');
    const before = await db.source.count();
    const cases: Array<[SourceFields, Record<string, unknown>]> = [
      [{ url: 'javascript:alert(1)' }, { url: URL_ERROR }],
      [{ url: 'data:text/html,<script>alert(1)</script>' }, { url: URL_ERROR }],
      [{ url: 'ftp://example.org/file' }, { url: URL_ERROR }],
      [{ archiveUrl: 'javascript:alert(1)' }, { archiveUrl: URL_ERROR }],
      [{ publishedOn: '2026-02-30' }, { publishedOn: '"2026-02-30" is not a valid EDTF date: February 2026 has no day 30' }],
      [{ availability: 'gone' }, { availability: 'The availability must be one of "live", "removed", "unknown"' }],
      [{ title: '', id: 'Not An Id!' }, { title: 'A title is required', id: expect.stringMatching(/lower-case letters/) }],
      [
        { url: 'https://example.org/a', archiveUrl: 'https://example.org/a' },
        { archiveUrl: 'The archive URL should point at an archived copy, not at the original address' },
      ],
    ];
    for (const [fields, errors] of cases) {
      const state = await submit(saveSourceAction, sourceForm(fields));
      expect(state.status).toBe('error');
      expect(state.errors).toEqual(errors);
      expect(state.values).toMatchObject(fields);
    }
    expect(await db.source.count()).toBe(before);
  });

  it('refuses an id that is taken, by a live or a deleted source, with a field error', async () => {
    await signInAs('editor');
    const id = unique();
    await submit(saveSourceAction, sourceForm({ id, title: 'First' }));
    const duplicate = await submit(saveSourceAction, sourceForm({ id, title: 'Second' }));
    expect(duplicate.errors).toEqual({ id: `Another source already uses the id "${id}"; choose another` });
    expect((await db.source.findUniqueOrThrow({ where: { id } })).title).toBe('First');

    await submit(deleteSourceAction, { id, version: 1 });
    const overDeleted = await submit(saveSourceAction, sourceForm({ id, title: 'Third' }));
    expect(overDeleted.errors?.id).toBe(`A deleted source uses the id "${id}"; restore it from the trash or choose another id`);
  });

  it('edits every field but the id, and records the change with its author', async () => {
    const editor = await signInAs('editor', 'Edith Editor');
    const id = unique();
    await submit(saveSourceAction, sourceForm({ id, title: 'Draft title', url: 'https://example.org/a' }));
    const state = await submit(saveSourceAction, sourceForm({ id, version: 1, title: 'Final title', publisher: 'Example News', publishedOn: '2026-05' }));
    expect(state.redirectedTo).toBe(`/admin/sources/${id}/edit?saved=1`);
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: 'Final title', publisher: 'Example News', url: null, version: 2 });
    const [revision] = await listRevisions('source', id);
    expect(revision).toMatchObject({ action: 'update', authorLabel: 'Edith Editor', version: 2 });
    expect(revision.changes).toEqual([
      { field: 'title', before: 'Draft title', after: 'Final title' },
      { field: 'publisher', before: null, after: 'Example News' },
      { field: 'publishedOn', before: null, after: '2026-05' },
      { field: 'url', before: 'https://example.org/a', after: null },
    ]);

    const input = { id: `${id}-renamed`, title: 'Final title', publisher: null, publishedOn: null, url: null, availability: 'live' as const, archiveUrl: null };
    await expect(updateSource(id, input, 2, editor)).rejects.toMatchObject({
      fieldErrors: { id: `A source's id cannot be changed after it is created; this one stays "${id}"` },
    });
    expect(await db.source.findUnique({ where: { id: `${id}-renamed` } })).toBeNull();
  });

  it('gives one success and one conflict to two edits of the same version', async () => {
    await signInAs('editor', 'First Editor');
    const id = unique();
    await submit(saveSourceAction, sourceForm({ id, title: 'Original' }));
    const first = await submit(saveSourceAction, sourceForm({ id, version: 1, title: 'Original', publishedOn: '2026-05-21' }));
    expect(first.redirectedTo).toBe(`/admin/sources/${id}/edit?saved=1`);

    await signInAs('editor', 'Second Editor');
    const second = await submit(saveSourceAction, sourceForm({ id, version: 1, title: 'Second edit' }));
    expect(second.status).toBe('error');
    expect(second.message).toContain('was changed by First Editor');
    expect(second.values).toMatchObject({ title: 'Second edit' });
    expect(second.conflict).toEqual({
      version: 2,
      changedMeanwhile: [{ field: 'publishedOn', before: null, after: '2026-05-21', by: 'First Editor' }],
    });
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: 'Original', version: 2 });
  });

  it('marks a source as removed, keeping everything else, with its own revision', async () => {
    await signInAs('editor', 'Rita Remover');
    const id = unique();
    const fields = { id, title: 'NIST announcement', publisher: 'NIST', url: 'https://www.nist.gov/example', archiveUrl: 'https://web.archive.org/web/2026/example' };
    await submit(saveSourceAction, sourceForm(fields));
    const state = await submit(markSourceRemovedAction, { id, version: 1 });
    expect(state.redirectedTo).toBe(`/admin/sources/${id}/edit?saved=1`);
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ ...fields, availability: 'removed', version: 2 });
    const [revision] = await listRevisions('source', id);
    expect(revision).toMatchObject({ action: 'update', authorLabel: 'Rita Remover', version: 2 });
    expect(revision.changes).toEqual([{ field: 'availability', before: 'live', after: 'removed' }]);

    const again = await submit(markSourceRemovedAction, { id, version: 2 });
    expect(again.message).toBe('This source is already marked as removed.');
    const stale = await submit(markSourceRemovedAction, { id, version: 1 });
    expect(stale.message).toContain('was changed by Rita Remover');
    expect(await listRevisions('source', id)).toHaveLength(2);
  });

  it('deletes to the trash, refusing while live events cite the source', async () => {
    await signInAs('editor', 'Dana Deleter');
    const cited = unique();
    await applyDocument(
      documentOf({
        sources: [sourceInput(cited)],
        events: [
          eventInput(`${cited}-event`, '2026-05', cited, {
            citations: [
              { source: cited, quote: 'One passage.' },
              { source: cited, quote: 'Another passage.' },
            ],
          }),
        ],
      }),
    );
    const refused = await submit(deleteSourceAction, { id: cited, version: 1 });
    expect(refused.message).toBe('1 event cites this source; remove that citation or delete the event first.');
    expect((await db.source.findUniqueOrThrow({ where: { id: cited } })).deletedAt).toBeNull();

    const id = unique();
    await submit(saveSourceAction, sourceForm({ id, title: 'Short-lived' }));
    const state = await submit(deleteSourceAction, { id, version: 1 });
    expect(state.redirectedTo).toBe(`/admin/trash?deleted=${encodeURIComponent(`source:${id}`)}`);
    expect((await db.source.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect((await listRevisions('source', id))[0]).toMatchObject({ action: 'delete', authorLabel: 'Dana Deleter', version: 2 });
  });

  it('creates a source inside another transaction, with its revision, and rolls back with it', async () => {
    const editor = await signInAs('editor', 'Inline Editor');
    const title = `Inline source ${unique()}`;
    const input = { id: null, title, publisher: null, publishedOn: '2026', url: null, availability: 'unknown' as const, archiveUrl: null };
    const id = await db.$transaction((tx) => createSourceInTransaction(tx, input, editor));
    expect(await db.source.findUniqueOrThrow({ where: { id } })).toMatchObject({ title, publishedOn: '2026' });
    expect(await listRevisions('source', id)).toMatchObject([{ action: 'create', authorLabel: 'Inline Editor' }]);

    const failing = db.$transaction(async (tx) => {
      await createSourceInTransaction(tx, { ...input, title: `${title} again` }, editor);
      await createSourceInTransaction(tx, { ...input, id }, editor);
    });
    await expect(failing).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.source.count({ where: { title: `${title} again` } })).toBe(0);
  });
});
