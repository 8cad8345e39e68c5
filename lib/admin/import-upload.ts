import { MAX_IMPORT_BYTES, tooLargeMessage } from '@/lib/dataset/import-state';

/**
 * Reads an import upload with a byte limit enforced while reading: a body
 * (chunked or not) is refused as soon as it passes the limit, never buffered
 * whole first. Only a body within the limit is handed to the multipart parser.
 */

/** Room for the multipart boundaries and headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
export const MAX_UPLOAD_BYTES = MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES;

export type UploadOutcome =
  | { ok: true; formData: FormData }
  | { ok: false; status: 400 | 413; message: string };

const UNREADABLE: UploadOutcome = { ok: false, status: 400, message: 'The upload could not be read. Choose the file again.' };

interface ReadOptions {
  maxBytes?: number;
  /**
   * Bytes past the limit read and thrown away before answering. A browser
   * posting a form without JavaScript shows no answer that arrives while it is
   * still sending, so a little more is read to let it finish; anything larger
   * is cut off.
   */
  discardUpTo?: number;
}

/** The body's bytes if it ends within `maxBytes`; past that it is read on (and thrown away) up to `discardUpTo` more, then cut off. */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number, discardUpTo: number) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { bytes, complete: true, body: bytes <= maxBytes ? Buffer.concat(chunks) : null };
      bytes += value.byteLength;
      if (bytes <= maxBytes) chunks.push(value);
      else {
        chunks.length = 0;
        if (bytes > maxBytes + discardUpTo) return { bytes, complete: false, body: null };
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

export async function readUpload(request: Request, { maxBytes = MAX_UPLOAD_BYTES, discardUpTo = 0 }: ReadOptions = {}): Promise<UploadOutcome> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body || !contentType.toLowerCase().startsWith('multipart/form-data')) return UNREADABLE;
  const declared = request.headers.has('content-length') ? Number(request.headers.get('content-length')) : null;
  if (declared !== null && declared > maxBytes + discardUpTo) {
    // Refused unread: not even a sender to be let finish sends that much.
    await request.body.cancel().catch(() => undefined);
    return { ok: false, status: 413, message: tooLargeMessage(declared) };
  }
  const read = await readAtMost(request.body, maxBytes, discardUpTo).catch(() => null);
  if (!read) return UNREADABLE;
  if (read.body === null) {
    // A body cut off past the limit has no known size, only that it is over the limit.
    const message = declared === null && !read.complete ? tooLargeMessage(MAX_IMPORT_BYTES, { atLeast: true }) : tooLargeMessage(declared ?? read.bytes);
    return { ok: false, status: 413, message };
  }
  try {
    return { ok: true, formData: await new Response(read.body, { headers: { 'content-type': contentType } }).formData() };
  } catch {
    return UNREADABLE;
  }
}
