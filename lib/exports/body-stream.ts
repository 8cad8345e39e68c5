/**
 * A response body written piece by piece as the client reads it: each pull
 * asks the source for its next piece (a batch of events), so a slow reader
 * holds the export back instead of the server buffering it. A failure part-way
 * errors the stream, so the client sees a broken transfer, never a file that
 * looks complete. A client that goes away cancels the stream, and no further
 * batch is read.
 */
export function textStream(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const { value, done } = await iterator.next();
          // The client left while this piece was being read: there is no one to give it to.
          if (cancelled) return;
          if (done) return controller.close();
          if (value !== '') return controller.enqueue(encoder.encode(value));
        }
      } catch (error) {
        if (cancelled) return;
        console.error('An export stopped part-way:', error);
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
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
