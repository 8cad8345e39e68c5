import { describe, expect, it } from 'vitest';
import { throttleProgress } from '@/lib/dataset/progress';

describe('throttleProgress', () => {
  it('passes on the start, every step and the end', () => {
    const seen: number[] = [];
    const progress = throttleProgress((done) => seen.push(done), (total) => Math.ceil(total / 4));
    for (let done = 0; done <= 10; done++) progress(done, 10);
    expect(seen).toEqual([0, 3, 6, 9, 10]);
  });

  it('steps by at least one record', () => {
    const seen: number[] = [];
    const progress = throttleProgress((done) => seen.push(done), () => 0);
    for (let done = 0; done <= 3; done++) progress(done, 3);
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});
