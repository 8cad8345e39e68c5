import { afterEach, describe, expect, it, vi } from 'vitest';
import { textStream } from '@/lib/exports/body-stream';

describe('textStream', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives each non-empty piece as a chunk of UTF-8, asking for a piece only when one is read', async () => {
    const asked: string[] = [];
    async function* pieces() {
      for (const piece of ['head,', '', 'é🚀', 'tail']) {
        asked.push(piece);
        yield piece;
      }
    }
    const reader = textStream(pieces()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('head,');
    // One piece read ahead at most: the stream does not run to the end on its own.
    expect(asked.length).toBeLessThanOrEqual(3);
    const rest: string[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest.push(new TextDecoder().decode(chunk.value));
    expect(rest).toEqual(['é🚀', 'tail']);
  });

  it('errors the stream when the source fails, after what it had given', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    async function* pieces() {
      yield 'first batch';
      throw new Error('database gone');
    }
    const reader = textStream(pieces()).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first batch');
    await expect(reader.read()).rejects.toThrow('database gone');
  });

  it('stops the source when the client cancels while a piece is being read, without an error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let finished = false;
    async function* pieces(last: boolean) {
      try {
        yield 'batch';
        // A batch query takes a while: the client leaves in the middle of one.
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (!last) yield 'batch';
      } finally {
        finished = true;
      }
    }
    for (const last of [true, false]) {
      finished = false;
      const reader = textStream(pieces(last)).getReader();
      await reader.read();
      // Let the stream start reading the next piece, then leave.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await reader.cancel();
      expect(finished).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(error).not.toHaveBeenCalled();
  });
});
