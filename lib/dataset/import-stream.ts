import type { ImportState, ImportStreamLine } from '@/lib/dataset/import-state';

/**
 * The browser side of POST /api/import: sends the form, reports progress as
 * its NDJSON lines arrive, and returns the final state. Runs in the browser.
 */

export interface ImportProgress {
  done: number;
  total: number;
}

export const IMPORT_ENDPOINT = '/api/import';
/**
 * Sent by the form's script: the route then answers NDJSON progress. A plain
 * form post (no JavaScript) lacks it and is answered with a redirect.
 */
export const IMPORT_CLIENT_HEADER = 'x-import-client';
export const IMPORT_CLIENT_SCRIPT = 'script';

const CONNECTION_LOST: ImportState = {
  status: 'error',
  message:
    'The connection ended before the server reported the result. The import may still have completed: ' +
    'check the latest changes on the dashboard before importing the file again.',
};

/** Splits a byte stream into lines; the last line needs no final newline. */
async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    pending += decoder.decode(value, { stream: !done });
    const lines = pending.split('\n');
    pending = done ? '' : (lines.pop() ?? '');
    for (const line of lines) if (line.trim() !== '') yield line;
    if (done) return;
  }
}

/** Reads the answer of POST /api/import: a refusal as JSON `{ message }`, or NDJSON progress then a result. */
export async function readImportResponse(response: Response, onProgress: (progress: ImportProgress) => void): Promise<ImportState> {
  if (!response.ok || !response.body) {
    const refusal = (await response.json().catch(() => null)) as { message?: string } | null;
    return { status: 'error', message: refusal?.message ?? `The server refused the import (HTTP ${response.status}). Nothing was imported.` };
  }
  let result: ImportState | null = null;
  try {
    for await (const line of linesOf(response.body)) {
      const message = JSON.parse(line) as ImportStreamLine;
      if (message.type === 'progress') onProgress({ done: message.done, total: message.total });
      else result = message.state;
    }
  } catch {
    return CONNECTION_LOST;
  }
  return result ?? CONNECTION_LOST;
}

export async function postImport(formData: FormData, onProgress: (progress: ImportProgress) => void): Promise<ImportState> {
  let response: Response;
  try {
    response = await fetch(IMPORT_ENDPOINT, { method: 'POST', body: formData, headers: { [IMPORT_CLIENT_HEADER]: IMPORT_CLIENT_SCRIPT } });
  } catch {
    return { status: 'error', message: 'The file could not be sent: the connection failed. Nothing was imported; try again.' };
  }
  return readImportResponse(response, onProgress);
}
