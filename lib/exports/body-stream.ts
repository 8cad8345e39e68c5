/**
 * A response body written piece by piece as the client reads it: each pull
 * asks the source for its next piece (a batch of events), so a slow reader
 * holds the export back instead of the server buffering it. A failure part-way
 * errors the stream, so the client sees a broken transfer, never a file that
 * looks complete.
 */
export function textStream(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) return controller.close();
          if (value !== '') return controller.enqueue(encoder.encode(value));
        }
      } catch (error) {
        console.error('An export stopped part-way:', error);
        controller.error(error);
      }
    },
    async cancel() {
      // The client went away: stop reading batches.
      await iterator.return?.();
    },
  });
}

/** Every piece, joined: what a caller that wants the whole text at once gets. */
export async function textOf(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}
