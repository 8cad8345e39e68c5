import { describe, expect, it } from 'vitest';
import { formDataToObject } from '@/lib/form-data';
import { fieldErrors } from '@/lib/forms';
import {
  applyRowIntent,
  rowIntentFocus,
  emptyActorRow,
  emptyCitationRow,
  emptyEventFormValues,
  eventFormSchema,
  eventFormValuesFrom,
  type EventFormInput,
} from '@/lib/validation/event';

/** A complete, valid form as an editor submits it: one existing actor, one existing source. */
const baseForm = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  slug: '',
  title: 'Signing of the review order postponed',
  summary: 'The signing was postponed.',
  date: '2026-05-21',
  type: 'postponed',
  jurisdiction: 'us',
  policy: '',
  newPolicyTitle: '',
  newPolicySummary: '',
  topics: '',
  actors: [{ key: 'a1', actor: 'white-house', role: 'decision-maker', newName: '', newKind: 'person' }],
  citations: [{ key: 'c1', source: 'cnn-signing-postponed', quote: 'The signing was postponed.' }],
  relations: [],
  ...fields,
});

function parsed(form: Record<string, unknown>): EventFormInput {
  const result = eventFormSchema.safeParse(form);
  if (!result.success) throw new Error(`Expected the form to be valid, got ${JSON.stringify(fieldErrors(result.error))}`);
  return result.data;
}

/** The field errors the form would show, keyed by field name ("actors.1.newName"). */
function errorsOf(form: Record<string, unknown>): Record<string, string> {
  const result = eventFormSchema.safeParse(form);
  if (result.success) throw new Error('Expected the form to be refused');
  return fieldErrors(result.error);
}

const newSource = (fields: Record<string, string> = {}) => ({
  title: 'A report',
  publisher: 'Example News',
  publishedOn: '2026-05-21',
  url: 'https://example.org/report',
  availability: 'live',
  archiveUrl: '',
  ...fields,
});

describe('eventFormSchema', () => {
  it('accepts a complete form, normalising the jurisdiction and trimming the quote', () => {
    const input = parsed(baseForm({ citations: [{ key: 'c1', source: 'cnn-signing-postponed', quote: '  Postponed.  ' }] }));
    expect(input).toMatchObject({
      slug: null,
      title: 'Signing of the review order postponed',
      date: '2026-05-21',
      type: 'postponed',
      jurisdiction: 'US',
      policy: null,
      topics: [],
      actors: [{ row: 0, role: 'decision-maker', actor: { existing: 'white-house' } }],
      citations: [{ row: 0, source: { existing: 'cnn-signing-postponed' }, quote: 'Postponed.' }],
      relations: [],
    });
  });

  it('skips rows nobody typed in, even when their selects hold a preset value, and keeps the row numbers of the others', () => {
    const input = parsed(
      baseForm({
        actors: [
          { key: 'a0', actor: '', role: 'participant', newName: '', newKind: 'person' },
          { key: 'a1', actor: 'white-house', role: 'issuer', newName: '', newKind: 'person' },
        ],
        citations: [
          { key: 'c0', source: '', quote: '   ', newSource: newSource({ title: '', publisher: '', publishedOn: '', url: '', availability: 'removed' }) },
          { key: 'c1', source: 'cnn-signing-postponed', quote: '' },
        ],
        relations: [
          { key: 'r0', type: 'follows', event: '' },
          { key: 'r1', type: 'amends', event: 'order-drafted' },
        ],
      }),
    );
    expect(input.actors).toEqual([{ row: 1, role: 'issuer', actor: { existing: 'white-house' } }]);
    expect(input.citations).toEqual([{ row: 1, source: { existing: 'cnn-signing-postponed' }, quote: null }]);
    expect(input.relations).toEqual([{ row: 1, type: 'amends', event: 'order-drafted' }]);
  });

  it('refuses an actor row that both picks an actor and names a new one, on that row\'s new name', () => {
    const errors = errorsOf(
      baseForm({
        actors: [
          { key: 'a0', actor: 'white-house', role: 'issuer' },
          { key: 'a1', actor: 'white-house', role: 'subject', newName: 'Jane Doe', newKind: 'person' },
        ],
      }),
    );
    expect(errors).toEqual({ 'actors.1.newName': 'Choose an existing actor or name a new one, not both' });
  });

  it('creates a new actor from its name and kind, and asks for a kind when there is none', () => {
    const input = parsed(baseForm({ actors: [{ key: 'a0', role: 'subject', newName: '  Jane Doe ', newKind: 'person' }] }));
    expect(input.actors).toEqual([{ row: 0, role: 'subject', actor: { create: { name: 'Jane Doe', kind: 'person' } } }]);

    const errors = errorsOf(baseForm({ actors: [{ key: 'a0', role: 'subject', newName: 'Jane Doe', newKind: '' }] }));
    expect(errors).toEqual({
      'actors.0.newKind': 'The kind of actor must be one of "person", "company", "agency", "government", "legislature", "court", "organization"',
    });
  });

  it('refuses an unknown role and a row with a role but no actor', () => {
    const errors = errorsOf(
      baseForm({
        actors: [
          { key: 'a0', actor: 'white-house', role: 'villain' },
          { key: 'a1', actor: 'Not A Slug', role: 'issuer' },
        ],
      }),
    );
    expect(errors['actors.0.role']).toMatch(/^The role must be one of "decision-maker"/);
    expect(errors['actors.1.actor']).toMatch(/lower-case letters, digits and single hyphens/);
  });

  it('refuses the same actor twice in the same role, but allows it in two roles', () => {
    const errors = errorsOf(
      baseForm({
        actors: [
          { key: 'a0', actor: 'white-house', role: 'issuer' },
          { key: 'a1', actor: 'white-house', role: 'issuer' },
        ],
      }),
    );
    expect(errors).toEqual({ 'actors.1.role': 'This actor is already listed with this role' });

    // A new actor is the same actor as the existing one its name would make the slug of.
    expect(
      errorsOf(
        baseForm({
          actors: [
            { key: 'a0', actor: 'white-house', role: 'issuer' },
            { key: 'a1', role: 'issuer', newName: 'White House', newKind: 'government' },
          ],
        }),
      ),
    ).toEqual({ 'actors.1.role': 'This actor is already listed with this role' });

    const input = parsed(
      baseForm({
        actors: [
          { key: 'a0', actor: 'white-house', role: 'issuer' },
          { key: 'a1', actor: 'white-house', role: 'decision-maker' },
        ],
      }),
    );
    expect(input.actors.map((link) => link.role)).toEqual(['issuer', 'decision-maker']);
  });

  it('asks a citation for a source or a new source, not neither and not both', () => {
    expect(errorsOf(baseForm({ citations: [{ key: 'c0', source: '', quote: 'A passage with no source.' }] }))).toEqual({
      'citations.0.source': 'Choose a source, or describe a new one',
    });
    expect(errorsOf(baseForm({ citations: [{ key: 'c0', source: 'cnn-signing-postponed', quote: '', newSource: newSource() }] }))).toEqual({
      'citations.0.source': 'Choose an existing source or describe a new one, not both',
    });
  });

  it('creates a new source from the citation row', () => {
    const input = parsed(baseForm({ citations: [{ key: 'c0', source: '', quote: 'Quoted.', newSource: newSource({ archiveUrl: 'https://web.archive.org/x' }) }] }));
    expect(input.citations).toEqual([
      {
        row: 0,
        quote: 'Quoted.',
        source: {
          create: {
            id: null,
            title: 'A report',
            publisher: 'Example News',
            publishedOn: '2026-05-21',
            url: 'https://example.org/report',
            availability: 'live',
            archiveUrl: 'https://web.archive.org/x',
          },
        },
      },
    ]);
  });

  it.each([
    ['javascript:alert(1)', 'url'],
    ['data:text/html,<script>alert(1)</script>', 'url'],
    ['ftp://example.org/report.pdf', 'url'],
    ['/relative/path', 'url'],
    ['javascript:alert(1)', 'archiveUrl'],
  ])('refuses the new source URL %s on citations.N.newSource.%s', (url, field) => {
    const errors = errorsOf(
      baseForm({
        citations: [
          { key: 'c0', source: 'cnn-signing-postponed', quote: '' },
          { key: 'c1', source: '', quote: '', newSource: newSource({ [field]: url }) },
        ],
      }),
    );
    expect(errors).toEqual({ [`citations.1.newSource.${field}`]: 'A URL must be an absolute http:// or https:// address' });
  });

  it('refuses a new source without a title, and a quote that is too long', () => {
    const errors = errorsOf(
      baseForm({ citations: [{ key: 'c0', source: '', quote: 'q'.repeat(2001), newSource: newSource({ title: '' }) }] }),
    );
    expect(errors).toEqual({
      'citations.0.newSource.title': 'A title is required',
      'citations.0.quote': 'A quote is at most 2000 characters',
    });
  });

  it('requires at least one citation, blank rows not counting', () => {
    expect(errorsOf(baseForm({ citations: [] }))).toEqual({ citations: 'Every event cites at least one source: add a citation' });
    expect(errorsOf(baseForm({ citations: [{ key: 'c0', source: '', quote: '', newSource: newSource({ title: '', publisher: '', publishedOn: '', url: '' }) }] }))).toEqual({
      citations: 'Every event cites at least one source: add a citation',
    });
  });

  it('splits topics on commas and new lines, trims and de-duplicates them, and slugs each', () => {
    const input = parsed(baseForm({ topics: 'Frontier models, Export controls\n  Frontier models ,,\n\nPre-release review' }));
    expect(input.topics).toEqual([
      { slug: 'frontier-models', name: 'Frontier models' },
      { slug: 'export-controls', name: 'Export controls' },
      { slug: 'pre-release-review', name: 'Pre-release review' },
    ]);
  });

  it('keeps one topic when two spellings make the same slug', () => {
    const input = parsed(baseForm({ topics: 'AI safety, AI Safety, ai-safety' }));
    expect(input.topics).toEqual([{ slug: 'ai-safety', name: 'AI safety' }]);
  });

  it('refuses a topic name that is too long', () => {
    expect(errorsOf(baseForm({ topics: `Fine, ${'t'.repeat(161)}` }))).toEqual({ topics: 'A topic is at most 160 characters' });
  });

  it('stops reading topics at the limit: 100,000 of them get the limit’s message', () => {
    const topics = Array.from({ length: 100_000 }, (_, index) => `Topic ${index}`).join(',');
    expect(errorsOf(baseForm({ topics }))).toEqual({ topics: 'At most 50 topics' });
  });

  it('refuses a topics field longer than the longest fifty names could be', () => {
    expect(errorsOf(baseForm({ topics: `AI safety${' '.repeat(20_000)}, Export controls` }))).toEqual({
      topics: 'The topics are at most 8,500 characters in all',
    });
  });

  describe('control characters', () => {
    it('are refused in single-line fields, naming the field and the character', () => {
      expect(errorsOf(baseForm({ title: 'Signing\u0000 postponed', topics: 'AI\u0007 safety' }))).toEqual({
        title: 'A title cannot contain control characters (found U+0000)',
        topics: 'A topic cannot contain control characters (found U+0007)',
      });
      expect(errorsOf(baseForm({ title: 'Two\tcolumns' }))).toEqual({ title: 'A title cannot contain control characters (found U+0009)' });
      expect(errorsOf(baseForm({ actors: [{ key: 'a1', actor: '', role: 'issuer', newName: 'An\u001Bagency', newKind: 'agency' }] }))).toEqual({
        'actors.0.newName': 'A name cannot contain control characters (found U+001B)',
      });
    });

    it('are refused in summaries and quotes, except tabs and line breaks (CRLF stored as LF)', () => {
      expect(errorsOf(baseForm({ summary: 'Postponed\u007F.', citations: [{ key: 'c1', source: 'cnn-signing-postponed', quote: 'A\u0000quote' }] }))).toEqual({
        summary: 'A summary cannot contain control characters (found U+007F)',
        'citations.0.quote': 'A quote cannot contain control characters (found U+0000)',
      });
      const input = parsed(baseForm({ summary: 'First line\r\nsecond\tline', citations: [{ key: 'c1', source: 'cnn-signing-postponed', quote: 'One\r\ntwo' }] }));
      expect(input.summary).toBe('First line\nsecond\tline');
      expect(input.citations[0].quote).toBe('One\ntwo');
    });

    it('refuses a lone surrogate, half of a character pair', () => {
      expect(errorsOf(baseForm({ title: 'Broken \uD800 pair' }))).toEqual({ title: 'A title cannot contain half of a character pair (found a lone U+D800)' });
      expect(parsed(baseForm({ title: 'A whole pair 🤖' })).title).toBe('A whole pair 🤖');
    });

    it('are refused in a new source described in a citation row', () => {
      expect(
        errorsOf(baseForm({ citations: [{ key: 'c0', source: '', quote: '', newSource: newSource({ publisher: 'Example\u0000News', url: 'https://example.org/a\u0000b' }) }] })),
      ).toEqual({
        'citations.0.newSource.publisher': 'A publisher cannot contain control characters (found U+0000)',
        'citations.0.newSource.url': 'A URL cannot contain control characters (found U+0000)',
      });
    });
  });

  describe('the policy: pick one or create one', () => {
    it('has none when neither is given', () => {
      expect(parsed(baseForm()).policy).toBeNull();
    });

    it('picks an existing policy by slug', () => {
      expect(parsed(baseForm({ policy: 'review-order' })).policy).toEqual({ existing: 'review-order' });
      expect(errorsOf(baseForm({ policy: 'Review Order!' })).policy).toMatch(/lower-case letters/);
    });

    it('creates a new policy from its title and summary', () => {
      expect(parsed(baseForm({ newPolicyTitle: ' Review order ', newPolicySummary: 'The order.' })).policy).toEqual({
        create: { title: 'Review order', summary: 'The order.' },
      });
    });

    it('refuses picking and creating at once, and a new policy missing its summary or title', () => {
      expect(errorsOf(baseForm({ policy: 'review-order', newPolicyTitle: 'Review order', newPolicySummary: 'The order.' }))).toEqual({
        newPolicyTitle: 'Pick an existing policy or create a new one, not both',
      });
      expect(errorsOf(baseForm({ newPolicyTitle: 'Review order' }))).toEqual({
        newPolicySummary: 'A new policy needs a summary; it is required',
      });
      expect(errorsOf(baseForm({ newPolicySummary: 'The order.' }))).toEqual({
        newPolicyTitle: 'A new policy needs a title; it is required',
      });
    });
  });

  it('refuses bad event fields, each on its own field', () => {
    const errors = errorsOf(baseForm({ slug: 'not a slug', title: 't'.repeat(201), summary: ' ', date: '2026-02-30', type: 'rumoured', jurisdiction: 'Narnia' }));
    expect(errors).toMatchObject({
      title: 'A title is at most 200 characters',
      summary: 'A summary is required',
      date: '"2026-02-30" is not a valid EDTF date: February 2026 has no day 30',
    });
    expect(errors.slug).toMatch(/lower-case letters/);
    expect(errors.type).toMatch(/^The event type must be one of/);
    expect(errors.jurisdiction).toMatch(/^A jurisdiction is a country code/);
    expect(errorsOf(baseForm({ date: '2026-13' })).date).toMatch(/^"2026-13" is not a valid EDTF date/);
  });

  it('refuses the same relation listed twice, naming the second row', () => {
    const errors = errorsOf(
      baseForm({
        relations: [
          { key: 'r0', type: 'follows', event: 'order-drafted' },
          { key: 'r1', type: 'amends', event: 'order-drafted' },
          { key: 'r2', type: 'follows', event: 'order-drafted' },
        ],
      }),
    );
    expect(errors['relations.2.event']).toBe('This relation to this event is already listed above');
    expect(errors['relations.0.event']).toBeUndefined();
    expect(errors['relations.1.event']).toBeUndefined();
  });

  it('refuses a relation with an unknown type or a target longer than any title', () => {
    const errors = errorsOf(baseForm({ relations: [{ key: 'r0', type: 'inspires', event: 'order-drafted' }, { key: 'r1', type: 'follows', event: 'x'.repeat(201) }] }));
    expect(errors['relations.0.type']).toMatch(/^The relation must be one of "follows"/);
    expect(errors['relations.1.event']).toBe('A related event (its title or slug) is at most 200 characters');
  });

  it('takes a related event by its title as well as its slug, for the server to resolve', () => {
    const input = parsed(baseForm({ relations: [{ key: 'r0', type: 'follows', event: '  Order drafted ' }] }));
    expect(input.relations).toEqual([{ row: 0, type: 'follows', event: 'Order drafted' }]);
  });

  it('asks for a type rather than presetting one', () => {
    expect(errorsOf(baseForm({ type: '' })).type).toBe('Choose the type of event');
  });

  it('accepts a date as an editor writes it and stores its EDTF', () => {
    expect(parsed(baseForm({ date: 'May 2026' })).date).toBe('2026-05');
    expect(parsed(baseForm({ date: 'c. 2025' })).date).toBe('2025~');
    expect(parsed(baseForm({ date: '2025-2026' })).date).toBe('2025/2026');
    expect(errorsOf(baseForm({ date: 'soon' })).date).toMatch(/^"soon" is not a date this form can read/);
  });

  it('reads rows from form fields as the browser posts them', () => {
    const formData = new FormData();
    const fields: Record<string, string> = {
      slug: '',
      title: 'Order signed',
      summary: 'Signed.',
      date: '2026-05',
      type: 'signed',
      jurisdiction: 'US',
      'actors[0].key': 'a0',
      'actors[0].actor': '',
      'actors[0].role': 'subject',
      'actors[0].newName': 'Jane Doe',
      'actors[0].newKind': 'person',
      'citations[0].key': 'c0',
      'citations[0].quote': 'Signed today.',
      'citations[0].newSource.title': 'Press release',
      'citations[0].newSource.url': 'https://example.org/release',
      'citations[0].newSource.availability': 'live',
    };
    for (const [name, value] of Object.entries(fields)) formData.append(name, value);
    const input = parsed(formDataToObject(formData));
    expect(input.actors).toEqual([{ row: 0, role: 'subject', actor: { create: { name: 'Jane Doe', kind: 'person' } } }]);
    expect(input.citations[0]).toMatchObject({ quote: 'Signed today.', source: { create: { title: 'Press release', url: 'https://example.org/release', publisher: null } } });
  });
});

describe('eventFormValuesFrom', () => {
  it('keeps every field as typed and fills what is missing with the form\'s defaults', () => {
    const values = eventFormValuesFrom({
      title: '  Spaced title ',
      actors: [{ key: 'a0', newName: 'Jane' }, 'not a row'],
      citations: [{ key: 'c0', newSource: { url: 'javascript:alert(1)' } }],
      relations: [{ key: 'r0', event: 'x' }],
    });
    expect(values).toMatchObject({ title: '  Spaced title ', type: '', jurisdiction: 'US', topics: '' });
    expect(values.actors).toEqual([{ key: 'a0', actor: '', role: 'participant', newName: 'Jane', newKind: 'person' }]);
    expect(values.citations).toEqual([
      { key: 'c0', source: '', quote: '', newSource: { title: '', publisher: '', publishedOn: '', url: 'javascript:alert(1)', availability: 'live', archiveUrl: '' } },
    ]);
    expect(values.relations).toEqual([{ key: 'r0', type: 'follows', event: 'x' }]);
  });
});

describe('applyRowIntent', () => {
  let counter = 0;
  const newKey = () => `new-${++counter}`;
  const values = {
    ...emptyEventFormValues(() => 'first'),
    title: 'Typed title',
    actors: [
      { ...emptyActorRow('a0'), actor: 'white-house', role: 'issuer' },
      { ...emptyActorRow('a1'), newName: 'Jane Doe' },
      { ...emptyActorRow('a2'), actor: 'commerce' },
    ],
  };

  it('adds an empty row with a fresh key at the end, keeping what was typed', () => {
    const added = applyRowIntent(values, 'add:actors', newKey);
    expect(added.title).toBe('Typed title');
    expect(added.actors.slice(0, 3)).toEqual(values.actors);
    expect(added.actors[3]).toEqual(emptyActorRow('new-1'));

    const citations = applyRowIntent(values, 'add:citations', newKey).citations;
    expect(citations).toEqual([emptyCitationRow('first'), emptyCitationRow('new-2')]);
    expect(applyRowIntent(values, 'add:relations', newKey).relations).toEqual([{ key: 'new-3', type: 'follows', event: '' }]);
  });

  it('removes exactly the row with the given key, wherever it is', () => {
    const removed = applyRowIntent(values, 'remove:actors:a1', newKey);
    expect(removed.actors.map((row) => row.key)).toEqual(['a0', 'a2']);
    expect(removed.actors[1]).toEqual(values.actors[2]);
    expect(applyRowIntent(values, 'remove:citations:first', newKey).citations).toEqual([]);
  });

  it('leaves the values alone for an unknown intent or key', () => {
    expect(applyRowIntent(values, 'remove:actors:nope', newKey).actors).toEqual(values.actors);
    expect(applyRowIntent(values, 'add:everything', newKey)).toBe(values);
    expect(applyRowIntent(values, 'explode', newKey)).toBe(values);
  });
});

describe('rowIntentFocus', () => {
  const values = { ...emptyEventFormValues(() => 'k'), relations: [{ key: 'r0', type: 'follows', event: '' }, { key: 'r1', type: 'follows', event: '' }] };

  it('names the first control of the row just added, by the id its field gets', () => {
    expect(rowIntentFocus(values, 'add:relations')).toBe('field-relations-1--type');
    expect(rowIntentFocus(values, 'add:actors')).toBe('field-actors-0--actor');
    expect(rowIntentFocus(values, 'add:citations')).toBe('field-citations-0--source');
  });

  it('names the add button after a removal, and nothing for an intent it does not know', () => {
    expect(rowIntentFocus(values, 'remove:actors:k')).toBe('add-actors');
    expect(rowIntentFocus(values, 'add:__proto__')).toBeUndefined();
    expect(rowIntentFocus(values, 'save')).toBeUndefined();
  });
});
