import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@/lib/revisions';
import { changesInWords, recordInWords, referencesOf, type RevisionNames } from '@/lib/revision-words';

const names: RevisionNames = {
  actors: new Map([['donald-trump', 'Donald Trump'], ['nist', 'National Institute of Standards and Technology']]),
  sources: new Map([['cnn-2026-05-21', { title: 'Trump postpones AI order', publisher: 'CNN' }], ['memo', { title: 'The memo', publisher: null }]]),
  policies: new Map([['ai-order', 'Executive order on AI oversight']]),
  events: new Map([['order-drafted', 'Order drafted']]),
  topics: new Map([['frontier-models', 'Frontier models']]),
};

const before = {
  slug: 'signing-postponed',
  title: 'Signing postponed',
  summary: 'The signing was postponed.',
  date: '2026-05',
  type: 'postponed',
  jurisdiction: 'US',
  policy: null,
  topics: [],
  actors: [{ actor: 'nist', role: 'subject' }],
  citations: [{ source: 'memo', quote: null }],
  relations: [],
};

describe('changesInWords', () => {
  it('names who was added and removed, with their role, instead of showing the links as data', () => {
    const after = { ...before, actors: [{ actor: 'donald-trump', role: 'decision-maker' }] };
    expect(changesInWords(diffSnapshots(before, after), names)).toEqual([
      { kind: 'list', field: 'actors', label: 'Actors and roles', removed: ['National Institute of Standards and Technology — subject'], added: ['Donald Trump — decision-maker'] },
    ]);
  });

  it('shows sources by title and publisher, policies and related events by title, dates as they read', () => {
    const after = {
      ...before,
      date: '2026-05-21',
      policy: 'ai-order',
      citations: [{ source: 'memo', quote: null }, { source: 'cnn-2026-05-21', quote: 'The signing was postponed.' }],
      relations: [{ type: 'follows', event: 'order-drafted' }],
      topics: ['frontier-models'],
    };
    const words = changesInWords(diffSnapshots(before, after), names);
    expect(words).toEqual([
      { kind: 'value', field: 'date', label: 'Date', before: 'May 2026 (2026-05)', after: 'May 21, 2026 (2026-05-21)' },
      { kind: 'value', field: 'policy', label: 'Policy', before: null, after: 'Executive order on AI oversight' },
      { kind: 'list', field: 'topics', label: 'Topics', removed: [], added: ['Frontier models'] },
      { kind: 'list', field: 'citations', label: 'Citations', removed: [], added: ['“Trump postpones AI order” (CNN), quoting “The signing was postponed.”'] },
      { kind: 'list', field: 'relations', label: 'Related events', removed: [], added: ['Follows “Order drafted”'] },
    ]);
  });

  it('falls back to the slug of a record it has no name for, and skips a list that was only reordered', () => {
    const reordered = { ...before, actors: [{ actor: 'nist', role: 'subject' }, { actor: 'gone', role: 'issuer' }] };
    const swapped = { ...reordered, actors: [...reordered.actors].reverse(), type: 'signed' };
    expect(changesInWords(diffSnapshots(reordered, swapped), names)).toEqual([{ kind: 'value', field: 'type', label: 'Type', before: 'Postponed', after: 'Signed' }]);
    expect(changesInWords(diffSnapshots(before, { ...before, actors: [{ actor: 'gone', role: 'issuer' }] }), names)[0]).toMatchObject({ added: ['gone — issuer'] });
  });
});

describe('recordInWords', () => {
  it('lists what an event was created with, leaving out the fields it had none of', () => {
    expect(recordInWords(before, names)).toEqual([
      { field: 'title', label: 'Title', value: 'Signing postponed' },
      { field: 'slug', label: 'Slug', value: 'signing-postponed' },
      { field: 'summary', label: 'Summary', value: 'The signing was postponed.' },
      { field: 'date', label: 'Date', value: 'May 2026 (2026-05)' },
      { field: 'type', label: 'Type', value: 'Postponed' },
      { field: 'jurisdiction', label: 'Jurisdiction', value: 'US' },
      { field: 'actors', label: 'Actors and roles', value: null, entries: ['National Institute of Standards and Technology — subject'] },
      { field: 'citations', label: 'Citations', value: null, entries: ['“The memo”'] },
    ]);
  });
});

describe('referencesOf', () => {
  it('collects every slug and id the snapshots mention, once', () => {
    const refs = referencesOf([before, null, { ...before, policy: 'ai-order', relations: [{ type: 'follows', event: 'order-drafted' }] }]);
    expect([...refs.actors]).toEqual(['nist']);
    expect([...refs.sources]).toEqual(['memo']);
    expect([...refs.policies]).toEqual(['ai-order']);
    expect([...refs.events]).toEqual(['order-drafted']);
  });
});

describe('other records', () => {
  it('tell an actor’s aliases as entries and its kind and parent in words', () => {
    const actor = { slug: 'nist', name: 'NIST', kind: 'agency', parent: null, aliases: ['N.I.S.T.'] };
    const labels = { name: 'Name', kind: 'Kind', parent: 'Parent', aliases: 'Aliases' };
    const changes = diffSnapshots(actor, { ...actor, kind: 'organization', parent: 'donald-trump', aliases: ['N.I.S.T.', 'Standards institute'] });
    expect(changesInWords(changes, names, labels)).toEqual([
      { kind: 'value', field: 'kind', label: 'Kind', before: 'Agency', after: 'Organization' },
      { kind: 'value', field: 'parent', label: 'Parent', before: null, after: 'Donald Trump' },
      { kind: 'list', field: 'aliases', label: 'Aliases', removed: [], added: ['Standards institute'] },
    ]);
    expect(recordInWords(actor, names, labels)).toEqual([
      { field: 'name', label: 'Name', value: 'NIST' },
      { field: 'kind', label: 'Kind', value: 'Agency' },
      { field: 'aliases', label: 'Aliases', value: null, entries: ['N.I.S.T.'] },
    ]);
  });
});
