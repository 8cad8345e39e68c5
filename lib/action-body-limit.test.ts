import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/fields';
import { MAX_SLUG_LENGTH } from '@/lib/slugs';
import { loadNextConfig } from '@/tests/unit/next-config';

/** Next's size strings ('4mb'), in bytes as Next counts them (1 kb = 1024 bytes). */
function sizeInBytes(size: string | number | undefined): number {
  if (typeof size === 'number') return size;
  const match = /^(\d+)(b|kb|mb)$/.exec(size ?? '');
  if (!match) throw new Error(`Not a size: ${size}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 ** 2 }[match[2] as 'b' | 'kb' | 'mb'];
}

/** Text of the given length in a 3-byte UTF-8 character, the costliest a field can hold per character. */
const wide = (length: number) => '€'.repeat(length);
const slug = 'a'.repeat(MAX_SLUG_LENGTH);
const url = (length: number) => `https://example.org/${'a'.repeat(length - 20)}`;

/** The event form as a browser posts it at its limits: every row of every kind, every field full. */
function largestEventForm(): FormData {
  const form = new FormData();
  const fields: [string, string][] = [
    ['id', 'c'.repeat(25)],
    ['version', '999999'],
    ['intent', 'save'],
    ['title', wide(LIMITS.title)],
    ['slug', slug],
    ['summary', wide(LIMITS.summary)],
    ['date', '2026-05-21/2026-06-01'],
    ['type', 'responded-to'],
    ['jurisdiction', 'US-CA'],
    ['policy', slug],
    ['newPolicyTitle', wide(LIMITS.title)],
    ['newPolicySummary', wide(LIMITS.summary)],
    ['topics', Array.from({ length: LIMITS.listItems }, () => wide(LIMITS.name)).join(', ')],
  ];
  for (let row = 0; row < LIMITS.listItems; row++) {
    fields.push(
      [`actors[${row}].key`, 'k'.repeat(40)],
      [`actors[${row}].actor`, slug],
      [`actors[${row}].role`, 'decision-maker'],
      [`actors[${row}].newName`, wide(LIMITS.name)],
      [`actors[${row}].newKind`, 'organization'],
      [`citations[${row}].key`, 'k'.repeat(40)],
      [`citations[${row}].source`, slug],
      [`citations[${row}].quote`, wide(LIMITS.quote)],
      [`citations[${row}].newSource.title`, wide(LIMITS.title)],
      [`citations[${row}].newSource.publisher`, wide(LIMITS.publisher)],
      [`citations[${row}].newSource.publishedOn`, '2026-05-21/2026-05-22'],
      [`citations[${row}].newSource.url`, url(LIMITS.url)],
      [`citations[${row}].newSource.availability`, 'unavailable'],
      [`citations[${row}].newSource.archiveUrl`, url(LIMITS.url)],
      [`relations[${row}].key`, 'k'.repeat(40)],
      [`relations[${row}].type`, 'responds-to'],
      [`relations[${row}].event`, slug],
    );
  }
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

describe('the server actions’ body limit (next.config.mjs)', () => {
  it('leaves room for the largest legitimate event form, twice over', async () => {
    const form = largestEventForm();
    const multipartBytes = (await new Request('http://localhost/', { method: 'POST', body: form }).arrayBuffer()).byteLength;
    // With JavaScript, useActionState sends the previous state too: after a refused save it holds
    // every value typed and an error for each field.
    const values = Object.fromEntries(form.entries());
    const errors = Object.fromEntries(Object.keys(values).map((name) => [name, `${name} is at most ${LIMITS.quote} characters`]));
    const stateBytes = Buffer.byteLength(JSON.stringify({ status: 'error', message: 'Nothing was saved.', values, errors }));

    const limit = sizeInBytes((await loadNextConfig()).experimental?.serverActions?.bodySizeLimit);
    expect(limit).toBeGreaterThanOrEqual(2 * (multipartBytes + stateBytes));
  });

  it('stays far below the 20 MB an import takes', async () => {
    const limit = sizeInBytes((await loadNextConfig()).experimental?.serverActions?.bodySizeLimit);
    expect(limit).toBeLessThanOrEqual(5 * 1024 ** 2);
  });

  it('lets the proxy pass a whole over-limit action body, so Next refuses it with its own message', async () => {
    const experimental = (await loadNextConfig()).experimental;
    expect(sizeInBytes(experimental?.proxyClientMaxBodySize)).toBeGreaterThan(sizeInBytes(experimental?.serverActions?.bodySizeLimit));
  });
});
