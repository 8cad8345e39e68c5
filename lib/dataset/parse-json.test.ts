import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '@/lib/dataset/parse-json';

const bytes = (text: string) => new TextEncoder().encode(text);

/** What JSON.parse of the text gives, as a value or as its error message. */
function outcome(parse: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: parse() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('parseJsonBytes', () => {
  const texts = [
    '{"format":"policy-timeline/v1","events":[{"slug":"a","actors":[{"actor":"b"}]},{"slug":"c"}],"topics":[]}',
    ' \n{ "events" : [ 1 , [2, [3]] , {"x": "a ] } , [ \\" \\\\"} ] , "sources": [] } \r\n\t',
    '{"events":[{"quote":"“curly” quotes, é, 😀 and \\u00e9"}],"a":{"b":[1,2]},"n":null,"t":true,"s":"x"}',
    '{}',
    '{"events":[]}',
    '{"a":1,"a":[2]}',
    '{"__proto__":{"polluted":true},"events":[{"__proto__":[1]}]}',
    '[1,2,3]',
    '"text"',
    '',
    '{"events":[1,]}',
    '{"events":[1 2]}',
    '{"events":[1],}',
    '{"events":[{"a":1}]',
    '{"events":["unterminated]}',
    '{"events":[1]} trailing',
    '{events:[1]}',
    '{"a":01}',
  ];

  it.each(texts)('gives what JSON.parse gives for %j', (text) => {
    const expected = outcome(() => JSON.parse(text));
    const actual = outcome(() => parseJsonBytes(bytes(text)));
    expect(actual).toEqual(expected);
    if ('value' in actual && typeof actual.value === 'object' && actual.value !== null) {
      expect(Object.getPrototypeOf(actual.value)).toBe(Object.getPrototypeOf(JSON.parse(text)));
      expect(Object.keys(actual.value)).toEqual(Object.keys(JSON.parse(text) as object));
    }
  });

  it('reads past a byte-order mark, as the text import does', () => {
    expect(parseJsonBytes(bytes('\uFEFF{"events":[1]}'))).toEqual({ events: [1] });
  });

  it('keeps "__proto__" as an own field, never as the prototype', () => {
    const document = parseJsonBytes(bytes('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.keys(document)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
