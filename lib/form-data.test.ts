import { describe, expect, it } from 'vitest';
import { formDataToObject } from '@/lib/form-data';

function formData(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('formDataToObject', () => {
  it('nests dotted and indexed names into objects and arrays', () => {
    expect(
      formDataToObject(
        formData([
          ['title', 'Order signed'],
          ['actors[0].actor', 'donald-trump'],
          ['actors[0].role', 'decision-maker'],
          ['actors[1].actor', 'white-house'],
          ['citations[0].newSource.title', 'A report'],
        ]),
      ),
    ).toEqual({
      title: 'Order signed',
      actors: [
        { actor: 'donald-trump', role: 'decision-maker' },
        { actor: 'white-house' },
      ],
      citations: [{ newSource: { title: 'A report' } }],
    });
  });

  it('drops the holes a removed row leaves, keeping the order', () => {
    const result = formDataToObject(formData([['actors[2].actor', 'b'], ['actors[0].actor', 'a']]));
    expect(result.actors).toEqual([{ actor: 'a' }, { actor: 'b' }]);
  });

  it('ignores files, Next.js action fields and absurd indexes', () => {
    const data = formData([['$ACTION_ID_abc', 'x'], ['actors[100000].actor', 'flood'], ['title', 'kept']]);
    data.append('upload', new Blob(['x']), 'x.txt');
    expect(formDataToObject(data)).toEqual({ title: 'kept' });
  });

  it('keeps the last value when a plain name repeats', () => {
    expect(formDataToObject(formData([['type', 'signed'], ['type', 'revoked']]))).toEqual({ type: 'revoked' });
  });
});
