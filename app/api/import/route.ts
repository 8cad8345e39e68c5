import { importUploadedFile, saveImportRun } from '@/lib/admin/import';
import { MAX_UPLOAD_BYTES, readUpload } from '@/lib/admin/import-upload';
import type { ImportState, ImportStreamLine } from '@/lib/dataset/import-state';
import { IMPORT_CLIENT_HEADER, IMPORT_CLIENT_SCRIPT } from '@/lib/dataset/import-stream';
import { throttleProgress } from '@/lib/dataset/progress';
import { dataChanged } from '@/lib/data-version';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { authorOf, type Author } from '@/lib/revisions';
import { canImportData, type SessionUser } from '@/lib/roles';
import { requireUser } from '@/lib/session';

const IMPORT_FAILED: ImportState = { status: 'error', message: 'The import failed on the server and nothing was written. Try again.' };
const IMPORT_PAGE = '/admin/import';
/** How far past the limit a form post is read (and thrown away) so that the browser finishes sending and shows the answer. */
const FORM_POST_DISCARD_BYTES = 3 * MAX_UPLOAD_BYTES;

/** A cross-site page must not be able to post here with an admin's cookie. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The import form submitted by the browser itself, without its script: answered with a page, not NDJSON. */
function isFormPost(request: Request): boolean {
  return request.headers.get(IMPORT_CLIENT_HEADER) !== IMPORT_CLIENT_SCRIPT && (request.headers.get('accept') ?? '').includes('text/html');
}

const refuse = (message: string, status: number) => Response.json({ message }, { status });
/** A relative Location, so the browser stays on the address it used (whatever proxy is in front). */
const seeOther = (path: string) => new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });

function importRun(file: FormDataEntryValue | null, author: Author, onProgress?: (done: number, total: number) => void): Promise<ImportState> {
  return importUploadedFile(file, author, onProgress).catch((error: unknown) => {
    console.error('Import failed:', error);
    return IMPORT_FAILED;
  });
}

/**
 * POST /api/import: the admin import form. The session and role are checked
 * before any of the body is read, and the body is refused as soon as it passes
 * the size limit. The form's script gets NDJSON: progress lines while the
 * records are written, then one result line (ImportStreamLine). A form posted
 * without JavaScript gets a redirect to /admin/import, which shows the result.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return refuse('Imports are accepted only from this site.', 403);
  const fromForm = isFormPost(request);
  let admin: SessionUser;
  try {
    admin = await requireUser(canImportData);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (fromForm) return seeOther(error.code === 'UNAUTHORIZED' ? `/login?next=${encodeURIComponent(IMPORT_PAGE)}` : IMPORT_PAGE);
    return refuse(error.message, HTTP_STATUS[error.code]);
  }

  const upload = await readUpload(request, { discardUpTo: fromForm ? FORM_POST_DISCARD_BYTES : 0 });
  const author = authorOf(admin);

  if (fromForm) {
    const state = upload.ok ? await importRun(upload.formData.get('file'), author) : { status: 'error' as const, message: upload.message };
    if (state.status === 'success') dataChanged(); // the site shows what was imported at the next request
    return seeOther(`${IMPORT_PAGE}?run=${encodeURIComponent(await saveImportRun(admin.id, state))}`);
  }
  if (!upload.ok) return refuse(upload.message, upload.status);

  const encoder = new TextEncoder();
  let listening = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => {
        // A closed page stops listening, but the import it started still completes.
        if (listening) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      const progress = throttleProgress((done, total) => send({ type: 'progress', done, total }), (total) => Math.ceil(total / 100));
      const state = await importRun(upload.formData.get('file'), author, progress);
      if (state.status === 'success') dataChanged(); // the site shows what was imported at the next request
      send({ type: 'result', state });
      if (listening) controller.close();
    },
    cancel() {
      listening = false;
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}
