import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
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

  it('ignores files and Next.js action fields', () => {
    const data = formData([['$ACTION_ID_abc', 'x'], ['$ACTION_REF_1', ''], ['title', 'kept']]);
    data.append('upload', new Blob(['x']), 'x.txt');
    expect(formDataToObject(data)).toEqual({ title: 'kept' });
  });

  it.each(['actors[201].actor', 'actors[100000].actor', 'actors[99999999999999999999].role', 'citations[0].newSource[5000].title'])(
    'refuses a row index past the limit (%s) instead of dropping the row silently',
    (name) => {
      let caught: unknown;
      try {
        formDataToObject(formData([['title', 'kept'], [name, 'flood']]));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      const error = caught as AppError;
      expect(error.code).toBe('INVALID');
      const field = name.startsWith('actors') ? 'actors' : 'citations.0.newSource';
      expect(error.fieldErrors?.[field]).toMatch(/at most 201 rows/);
    },
  );

  it('accepts the highest row index the form may use', () => {
    expect(formDataToObject(formData([['actors[200].role', 'subject']])).actors).toEqual([{ role: 'subject' }]);
  });

  it.each([
    '__proto__.polluted',
    '__proto__[polluted]',
    'constructor.prototype.polluted',
    'prototype.polluted',
    'actors[0].__proto__.polluted',
    'actors[0].constructor.prototype.polluted',
    '_1___proto__.polluted',
    'title.__proto__',
    'a.b..c',
    'x[0',
    'actors[x].role',
    'actors[-1].role',
    'actors[1e3].role',
    'actors[0x1].role',
  ])('refuses the whole form for the field name %s, reaching and creating no prototype', (name) => {
    let caught: unknown;
    try {
      formDataToObject(formData([[name, 'yes'], ['title', 'kept']]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).message).toMatch(/^Nothing was saved: the form sent a field it does not have/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('builds objects without a prototype, so no inherited key answers a lookup', () => {
    const result = formDataToObject(formData([['actors[0].role', 'subject']]));
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(Object.getPrototypeOf((result.actors as unknown[])[0])).toBeNull();
    expect('toString' in result).toBe(false);
  });

  it('keeps the last value when a plain name repeats', () => {
    expect(formDataToObject(formData([['type', 'signed'], ['type', 'revoked']]))).toEqual({ type: 'revoked' });
  });
});
