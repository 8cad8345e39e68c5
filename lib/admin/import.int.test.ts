import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importDatasetAction } from '@/app/admin/import/actions';
import AdminImportPage from '@/app/admin/import/page';
import { GET as exportRoute } from '@/app/api/export/route';
import { POST as importRoute } from '@/app/api/import/route';
import { exportDataset, serializeDataset } from '@/lib/dataset/export';
import { MAX_IMPORT_BYTES, NO_FILE_MESSAGE, type ImportState, type ImportStreamLine } from '@/lib/dataset/import-state';
import { readImportResponse, type ImportProgress } from '@/lib/dataset/import-stream';
import { db } from '@/lib/db';
import { documentOf, eventInput, sourceInput, uniquePrefix, type DocumentInput } from '@/tests/integration/factories';
import { NavigationSignal, requestContext } from '@/tests/integration/next-mocks';
import { signInAs, signOut } from '@/tests/integration/requests';

// after() needs a Next.js request; here its tasks are kept and run by the test.
const afterTasks = vi.hoisted(() => [] as Array<() => unknown>);
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (task: () => unknown) => {
    afterTasks.push(task);
  },
}));

function smallDocument(P: string): DocumentInput {
  return documentOf({
    actors: [{ slug: `${P}-office`, name: 'An Office', kind: 'agency' }],
    sources: [sourceInput(`${P}-source`)],
    policies: [{ slug: `${P}-policy`, title: 'A policy', summary: 'About it.' }],
    events: [eventInput(`${P}-event`, '2026-05', `${P}-source`, { policy: `${P}-policy`, actors: [{ actor: `${P}-office`, role: 'issuer' }] })],
  });
}

function uploadOf(contents: string, name = 'dataset.json'): FormData {
  const formData = new FormData();
  formData.append('file', new File([contents], name, { type: 'application/json' }));
  return formData;
}

const runImportAction = (formData: FormData) => importDatasetAction({ status: 'idle' }, formData);

async function postImport(formData: FormData, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request('http://localhost:3000/api/import', { method: 'POST', body: formData, headers: { ...Object.fromEntries(requestContext.headers), ...headers } });
  return importRoute(request);
}

const writtenFor = (P: string) => db.event.count({ where: { slug: { startsWith: `${P}-` } } });

describe('the import action (no JavaScript)', () => {
  beforeEach(() => {
    signOut();
    requestContext.revalidated = [];
  });

  it('imports for an admin, reports the counts and records revisions in the admin’s name', async () => {
    const admin = await signInAs('admin', 'Ada Admin');
    const P = uniquePrefix('ia');
    const state = await runImportAction(uploadOf(JSON.stringify(smallDocument(P))));
    expect(state).toMatchObject({ status: 'success', message: 'Imported: 4 created, 0 updated, 0 unchanged.' });
    expect(state.report).toEqual({
      topics: { created: 0, updated: 0, unchanged: 0 },
      actors: { created: 1, updated: 0, unchanged: 0 },
      sources: { created: 1, updated: 0, unchanged: 0 },
      policies: { created: 1, updated: 0, unchanged: 0 },
      events: { created: 1, updated: 0, unchanged: 0 },
    });
    const revisions = await db.revision.findMany({ where: { entityKey: { startsWith: `${P}-` } } });
    expect(revisions).toHaveLength(4);
    for (const revision of revisions) expect(revision).toMatchObject({ action: 'import', authorLabel: 'Ada Admin', userId: admin.id });
    expect(requestContext.revalidated).toContain('/');
  });

  it('lists every problem with its path and writes nothing', async () => {
    await signInAs('admin');
    const P = uniquePrefix('ia');
    const document = smallDocument(P);
    document.events![0].date = 'May 2026';
    document.events![0].actors = [{ actor: `${P}-nobody`, role: 'issuer' }];
    const revisionsBefore = await db.revision.count();
    const state = await runImportAction(uploadOf(JSON.stringify(document)));
    expect(state.status).toBe('error');
    expect(state.message).toBe('Nothing was imported: the file has 2 problems. Correct them and import the file again.');
    expect(state.problems?.map((problem) => problem.path)).toEqual(['events[0].date', 'events[0].actors[0].actor']);
    expect(await writtenFor(P)).toBe(0);
    expect(await db.revision.count()).toBe(revisionsBefore);
    expect(requestContext.revalidated).toEqual([]);
  });

  it('asks for a file when none was chosen, and refuses one over the size limit', async () => {
    await signInAs('admin');
    const empty = new FormData();
    empty.append('file', new File([], '', { type: 'application/octet-stream' }));
    expect(await runImportAction(empty)).toEqual({ status: 'error', message: NO_FILE_MESSAGE });
    const huge = await runImportAction(uploadOf(' '.repeat(MAX_IMPORT_BYTES + 1)));
    expect(huge.status).toBe('error');
    expect(huge.message).toMatch(/^This file is 20\.0 MB; the limit here is 20 MB\. Nothing was imported\./);
  });

  it('refuses an editor and an anonymous caller, and writes nothing', async () => {
    const P = uniquePrefix('ia');
    const upload = () => uploadOf(JSON.stringify(smallDocument(P)));
    const anonymous = await runImportAction(upload());
    expect(anonymous).toEqual({ status: 'error', message: 'Your session has ended. Sign in again to continue.' });
    await signInAs('editor');
    const editor = await runImportAction(upload());
    expect(editor).toEqual({ status: 'error', message: 'Your account is not allowed to do this.' });
    expect(await writtenFor(P)).toBe(0);
  });
});

describe('the /admin/import page', () => {
  beforeEach(() => signOut());

  it('answers 403 to an editor and shows the form to an admin', async () => {
    await signInAs('editor');
    await expect(AdminImportPage()).rejects.toEqual(new NavigationSignal('forbidden'));
    await signInAs('admin');
    await expect(AdminImportPage()).resolves.toBeTruthy();
  });
});

describe('POST /api/import (with JavaScript)', () => {
  beforeEach(() => {
    signOut();
    requestContext.revalidated = [];
    afterTasks.length = 0;
  });
  afterEach(() => signOut());

  it('streams progress as NDJSON, then the result, and revalidates once done', async () => {
    await signInAs('admin');
    const P = uniquePrefix('ia');
    const response = await postImport(uploadOf(JSON.stringify(smallDocument(P))));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ImportStreamLine);
    expect(lines.slice(0, -1)).toEqual([0, 1, 2, 3, 4].map((done) => ({ type: 'progress', done, total: 4 })));
    expect(lines.at(-1)).toMatchObject({ type: 'result', state: { status: 'success', report: { events: { created: 1 } } } });
    expect(await writtenFor(P)).toBe(1);

    for (const task of afterTasks) await task();
    expect(requestContext.revalidated).toContain('/');
  });

  it('is read by the form’s reader into progress and a final state', async () => {
    await signInAs('admin');
    const P = uniquePrefix('ia');
    const document = smallDocument(P);
    document.sources![0].url = 'ftp://example.org/file';
    const progress: ImportProgress[] = [];
    const state: ImportState = await readImportResponse(await postImport(uploadOf(JSON.stringify(document))), (step) => progress.push(step));
    expect(progress).toEqual([]);
    expect(state.status).toBe('error');
    expect(state.problems).toEqual([{ path: 'sources[0].url', message: 'A URL must be an absolute http:// or https:// address' }]);
    for (const task of afterTasks) await task();
    expect(requestContext.revalidated).toEqual([]);
  });

  it('refuses an anonymous caller (401), an editor (403) and a post from another site (403)', async () => {
    const P = uniquePrefix('ia');
    const upload = () => uploadOf(JSON.stringify(smallDocument(P)));
    const anonymous = await postImport(upload());
    expect(anonymous.status).toBe(401);
    await signInAs('editor');
    const editor = await postImport(upload());
    expect(editor.status).toBe(403);
    expect(await readImportResponse(editor, () => undefined)).toEqual({ status: 'error', message: 'Your account is not allowed to do this.' });
    await signInAs('admin');
    const crossSite = await postImport(upload(), { origin: 'https://evil.example', host: 'localhost:3000' });
    expect(crossSite.status).toBe(403);
    expect(await writtenFor(P)).toBe(0);
  });
});

describe('GET /api/export', () => {
  it('answers the whole dataset as the interchange format, as a download when asked', async () => {
    const inline = await exportRoute(new Request('http://localhost:3000/api/export'));
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(inline.headers.get('content-disposition')).toBeNull();
    expect(await inline.text()).toBe(serializeDataset(await exportDataset(db)));

    const download = await exportRoute(new Request('http://localhost:3000/api/export?download=1'));
    const today = new Date().toISOString().slice(0, 10);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="policy-timeline-${today}.json"`);
    expect(JSON.parse(await download.text())).toMatchObject({ format: 'policy-timeline/v1' });
  });
});
