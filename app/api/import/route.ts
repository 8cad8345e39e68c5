import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { importUploadedFile } from '@/lib/admin/import';
import { MAX_IMPORT_BYTES, tooLargeMessage, type ImportState, type ImportStreamLine } from '@/lib/dataset/import-state';
import { throttleProgress } from '@/lib/dataset/progress';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { authorOf } from '@/lib/revisions';
import { canImportData, type SessionUser } from '@/lib/roles';
import { requireUser } from '@/lib/session';

/** Room for the multipart boundaries and headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const IMPORT_FAILED: ImportState = { status: 'error', message: 'The import failed on the server and nothing was written. Try again.' };

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

const refuse = (message: string, status: number) => Response.json({ message }, { status });

/**
 * POST /api/import: the admin import form with JavaScript. Takes the same
 * multipart form as the server action and answers NDJSON: progress lines while
 * the records are written, then one result line (ImportStreamLine).
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return refuse('Imports are accepted only from this site.', 403);
  let admin: SessionUser;
  try {
    admin = await requireUser(canImportData);
  } catch (error) {
    if (error instanceof AppError) return refuse(error.message, HTTP_STATUS[error.code]);
    throw error;
  }
  const declaredBytes = Number(request.headers.get('content-length') ?? 0);
  if (declaredBytes > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES) return refuse(tooLargeMessage(declaredBytes), 413);
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return refuse('The upload could not be read. Choose the file again.', 400);
  }

  const author = authorOf(admin);
  let imported = false;
  // Public pages show the import once the response is done.
  after(() => {
    if (imported) revalidatePath('/', 'layout');
  });
  const encoder = new TextEncoder();
  let listening = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => {
        // A closed page stops listening, but the import it started still completes.
        if (listening) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      const progress = throttleProgress((done, total) => send({ type: 'progress', done, total }), (total) => Math.ceil(total / 100));
      let state: ImportState;
      try {
        state = await importUploadedFile(formData.get('file'), author, progress);
        imported = state.status === 'success';
      } catch (error) {
        console.error('Import failed:', error);
        state = IMPORT_FAILED;
      }
      send({ type: 'result', state });
      if (listening) controller.close();
    },
    cancel() {
      listening = false;
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}
