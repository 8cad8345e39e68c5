import { describe, expect, it } from 'vitest';
import type { ImportStreamLine } from '@/lib/dataset/import-state';
import { readImportResponse, type ImportProgress } from '@/lib/dataset/import-stream';

/** A response whose body arrives in the given pieces, cut anywhere. */
function streamed(pieces: string[], init?: ResponseInit): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Response(body, init);
}

const line = (message: ImportStreamLine) => `${JSON.stringify(message)}\n`;
const result: ImportStreamLine = { type: 'result', state: { status: 'success', message: 'Imported: 2 created, 0 updated, 0 unchanged.' } };

describe('readImportResponse', () => {
  it('reports each progress line and returns the result, however the bytes are cut', async () => {
    const text = line({ type: 'progress', done: 0, total: 2 }) + line({ type: 'progress', done: 2, total: 2 }) + line(result);
    const cuts = [text.slice(0, 7), text.slice(7, 40), text.slice(40, text.length - 3), text.slice(text.length - 3)];
    const progress: ImportProgress[] = [];
    const state = await readImportResponse(streamed(cuts), (step) => progress.push(step));
    expect(progress).toEqual([{ done: 0, total: 2 }, { done: 2, total: 2 }]);
    expect(state).toEqual(result.state);
  });

  it('reads a last line without its newline', async () => {
    expect(await readImportResponse(streamed([line(result).trim()]), () => undefined)).toEqual(result.state);
  });

  it('says the result is unknown when the stream ends without one', async () => {
    const state = await readImportResponse(streamed([line({ type: 'progress', done: 1, total: 9 })]), () => undefined);
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/^The connection ended before the server reported the result/);
  });

  it('shows the message of a refusal', async () => {
    const refusal = Response.json({ message: 'Your account is not allowed to do this.' }, { status: 403 });
    expect(await readImportResponse(refusal, () => undefined)).toEqual({ status: 'error', message: 'Your account is not allowed to do this.' });
  });
});
