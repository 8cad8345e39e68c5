import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AdminImportPage from '@/app/admin/import/page';
import { GET as exportRoute } from '@/app/api/export/route';
import { POST as importRoute } from '@/app/api/import/route';
import { exportDataset, serializeDataset } from '@/lib/dataset/export';
import { readImportRun } from '@/lib/admin/import';
import { MAX_UPLOAD_BYTES } from '@/lib/admin/import-upload';
import { MAX_IMPORT_BYTES, NO_FILE_MESSAGE, type ImportState, type ImportStreamLine } from '@/lib/dataset/import-state';
import { IMPORT_CLIENT_HEADER, IMPORT_CLIENT_SCRIPT, readImportResponse, type ImportProgress } from '@/lib/dataset/import-stream';
import { db } from '@/lib/db';
import { documentOf, eventInput, sourceInput, uniquePrefix, type DocumentInput } from '@/tests/integration/factories';
import { dataChanges, NavigationSignal, requestContext } from '@/tests/integration/next-mocks';
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

/** The form posted by the browser without JavaScript. */
const FORM_POST = { accept: 'text/html,application/xhtml+xml' };
/** The form's script, which asks for NDJSON. */
const SCRIPT_POST = { [IMPORT_CLIENT_HEADER]: IMPORT_CLIENT_SCRIPT };

async function postImport(body: BodyInit, headers: Record<string, string> = SCRIPT_POST, init: RequestInit = {}): Promise<Response> {
  const request = new Request('http://localhost:3000/api/import', { method: 'POST', body, headers: { ...Object.fromEntries(requestContext.headers), ...headers }, ...init });
  return importRoute(request);
}

/** Posts the form as a browser without JavaScript does, follows the redirect and returns what the page shows. */
async function postForm(formData: FormData, admin: { id: string }): Promise<ImportState & { location: string }> {
  const response = await postImport(formData, FORM_POST);
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  const run = new URL(location, 'http://localhost:3000').searchParams.get('run');
  const state = run ? await readImportRun(run, admin.id) : null;
  if (!state) throw new Error(`No import run behind ${location}`);
  return { ...state, location };
}

/** A chunked body (no Content-Length) of `chunks` chunks of 1 MB, counting what the route reads. */
function chunkedBody(chunks: number): { body: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks * chunk.byteLength) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, sent: () => sent };
}

const writtenFor = (P: string) => db.event.count({ where: { slug: { startsWith: `${P}-` } } });

describe('POST /api/import from the form without JavaScript', () => {
  beforeEach(() => {
    signOut();
    dataChanges.mark();
    afterTasks.length = 0;
  });

  it('imports for an admin, redirects to the page with the counts, and records revisions in the admin’s name', async () => {
    const admin = await signInAs('admin', 'Ada Admin');
    const P = uniquePrefix('ia');
    const state = await postForm(uploadOf(JSON.stringify(smallDocument(P))), admin);
    expect(state.location).toMatch(/^\/admin\/import\?run=\w+$/);
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
    for (const task of afterTasks) await task();
    expect(dataChanges.since()).toBeGreaterThan(0);
  });

  it('lists the problems with their paths and writes nothing', async () => {
    const admin = await signInAs('admin');
    const P = uniquePrefix('ia');
    const document = smallDocument(P);
    document.events![0].date = 'May 2026';
    document.events![0].actors = [{ actor: `${P}-nobody`, role: 'issuer' }];
    const revisionsBefore = await db.revision.count();
    const state = await postForm(uploadOf(JSON.stringify(document)), admin);
    expect(state.status).toBe('error');
    expect(state.message).toBe('Nothing was imported: the file has 2 problems. Correct them and import the file again.');
    expect(state.problems?.map((problem) => problem.path)).toEqual(['events[0].date', 'events[0].actors[0].actor']);
    expect(await writtenFor(P)).toBe(0);
    expect(await db.revision.count()).toBe(revisionsBefore);
    for (const task of afterTasks) await task();
    expect(dataChanges.since()).toBe(0);
  });

  it('stops at the first 100 problems of 100,000 empty events, and says so', async () => {
    const admin = await signInAs('admin');
    const state = await postForm(uploadOf(JSON.stringify({ format: 'policy-timeline/v1', events: Array.from({ length: 100_000 }, () => ({})) })), admin);
    expect(state.problems).toHaveLength(100);
    expect(state.stoppedEarly).toBe(true);
    expect(state.message).toBe('Nothing was imported: checking stopped at 100 problems, and the rest of the file was not checked. Correct these and import the file again.');
  });

  it('asks for a file when none was chosen, and refuses one over the size limit with the size message', async () => {
    const admin = await signInAs('admin');
    const empty = new FormData();
    empty.append('file', new File([], '', { type: 'application/octet-stream' }));
    expect(await postForm(empty, admin)).toMatchObject({ status: 'error', message: NO_FILE_MESSAGE });
    const huge = await postForm(uploadOf(' '.repeat(MAX_IMPORT_BYTES + 1)), admin);
    expect(huge.status).toBe('error');
    expect(huge.message).toMatch(/^This file is 20\.0 MB; the limit here is 20 MB\. Nothing was imported\./);
    const larger = await postForm(uploadOf(' '.repeat(MAX_IMPORT_BYTES + 2 * 1024 * 1024)), admin);
    expect(larger.message).toMatch(/^This file is (more than )?22\.0 MB; the limit here is 20 MB\. Nothing was imported\./);
  });

  it('sends a signed-out admin to sign in, shows an editor the page’s refusal, and writes nothing', async () => {
    const P = uniquePrefix('ia');
    const upload = () => uploadOf(JSON.stringify(smallDocument(P)));
    const anonymous = await postImport(upload(), FORM_POST);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fimport');
    await signInAs('editor');
    const editor = await postImport(upload(), FORM_POST);
    expect(editor.status).toBe(303);
    expect(editor.headers.get('location')).toBe('/admin/import');
    expect(await writtenFor(P)).toBe(0);
  });

  it('shows a run only to the admin who made it', async () => {
    const admin = await signInAs('admin');
    const { location } = await postForm(uploadOf('not json'), admin);
    const run = new URL(location, 'http://localhost').searchParams.get('run')!;
    expect(await readImportRun(run, admin.id)).toMatchObject({ status: 'error' });
    const other = await signInAs('admin');
    expect(await readImportRun(run, other.id)).toBeNull();
  });
});

describe('the /admin/import page', () => {
  beforeEach(() => signOut());

  it('answers 403 to an editor and shows the form to an admin', async () => {
    await signInAs('editor');
    await expect(AdminImportPage({ searchParams: Promise.resolve({}) })).rejects.toEqual(new NavigationSignal('forbidden'));
    await signInAs('admin');
    await expect(AdminImportPage({ searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
  });
});

describe('POST /api/import (with JavaScript)', () => {
  beforeEach(() => {
    signOut();
    dataChanges.mark();
    afterTasks.length = 0;
  });
  afterEach(() => signOut());

  it('streams progress as NDJSON, then the result, and tells the caches once done', async () => {
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
    expect(dataChanges.since()).toBeGreaterThan(0);
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
    expect(dataChanges.since()).toBe(0);
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
    const crossSite = await postImport(upload(), { ...SCRIPT_POST, origin: 'https://evil.example', host: 'localhost:3000' });
    expect(crossSite.status).toBe(403);
    expect(await writtenFor(P)).toBe(0);
  });
});

describe('POST /api/import: the size limit while reading', () => {
  beforeEach(() => signOut());
  const multipart = { ...SCRIPT_POST, 'content-type': 'multipart/form-data; boundary=x' };
  const streamed = { duplex: 'half' } as RequestInit;

  it('refuses a chunked body soon after the limit, without reading the rest', async () => {
    await signInAs('admin');
    const upload = chunkedBody(200);
    const response = await postImport(upload.body, multipart, streamed);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/^This file is more than 20\.0 MB; the limit here is 20 MB\. Nothing was imported\./);
    // Read: the limit and a chunk or two past it, not the 200 MB on offer.
    expect(upload.sent()).toBeLessThan(MAX_UPLOAD_BYTES + 3 * 1024 * 1024);
  });

  it('refuses a declared length over the limit before reading any of it', async () => {
    await signInAs('admin');
    const upload = chunkedBody(200);
    const response = await postImport(upload.body, { ...multipart, 'content-length': String(200 * 1024 * 1024) }, streamed);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/^This file is 200\.0 MB; the limit here is 20 MB\./);
    expect(upload.sent()).toBeLessThan(3 * 1024 * 1024);
  });

  it('reads nothing of the body for a signed-out caller', async () => {
    const upload = chunkedBody(200);
    const response = await postImport(upload.body, multipart, streamed);
    expect(response.status).toBe(401);
    expect(upload.sent()).toBeLessThanOrEqual(2 * 1024 * 1024);
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
