import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_FORMAT, type Dataset } from '@/lib/dataset/format';
import { MAX_REPORTED_PROBLEMS } from '@/lib/dataset/limits';
import { describeProblem, formatPath, validateDataset, type DatasetProblem } from '@/lib/dataset/validate';

/**
 * The document as written by hand, before validation: optional fields may be
 * left out and any field may hold a wrong value, so the types are loose.
 */
interface RawActor { slug: string; name: string; kind: string; parent?: string | null; aliases?: string[] }
interface RawSource {
  id: string;
  title: string;
  availability: string;
  publisher?: string | null;
  publishedOn?: string | null;
  url?: string | null;
  archiveUrl?: string | null;
}
interface RawEvent {
  slug: string;
  title: string;
  summary: string;
  date: string;
  type: string;
  jurisdiction: string;
  policy?: string | null;
  topics?: string[];
  actors: Array<{ actor: string; role: string }>;
  citations?: Array<{ source: string; quote?: string | null }>;
  relations?: Array<{ type: string; event: string }>;
  [field: string]: unknown;
}
interface RawDocument {
  format?: string;
  topics: Array<{ slug: string; name: string }>;
  actors: RawActor[];
  sources: RawSource[];
  policies: Array<{ slug: string; title: string; summary: string }>;
  events: RawEvent[];
  [field: string]: unknown;
}

/** A small document as an author would write it: optional fields left out. */
function validDocument(): RawDocument {
  return {
    format: 'policy-timeline/v1',
    topics: [{ slug: 'frontier-models', name: 'Frontier models' }],
    actors: [
      { slug: 'us-federal-government', name: 'United States federal government', kind: 'government' },
      { slug: 'white-house', name: 'The White House', kind: 'government', parent: 'us-federal-government' },
      { slug: 'donald-trump', name: 'Donald Trump', kind: 'person', aliases: ['President Trump'] },
    ],
    sources: [
      { id: 'engadget-ai-oversight-order-postponed', title: 'Trump postpones AI oversight executive order', publisher: 'Engadget', availability: 'unknown' },
      { id: 'official-statement', title: 'Statement', availability: 'live', url: 'https://example.org/statement', publishedOn: '2026-05-21' },
    ],
    policies: [{ slug: 'ai-review-order', title: 'AI model review executive order', summary: 'A draft order on pre-release review.' }],
    events: [
      {
        slug: 'review-order-drafted',
        title: 'Review order drafted',
        summary: 'A draft order circulates.',
        date: '2026',
        type: 'drafted',
        jurisdiction: 'us',
        policy: 'ai-review-order',
        topics: ['frontier-models'],
        actors: [{ actor: 'white-house', role: 'issuer' }],
        citations: [{ source: 'engadget-ai-oversight-order-postponed' }],
      },
      {
        slug: 'signing-postponed',
        title: 'Signing postponed',
        summary: 'The signing is called off.',
        date: '2026-05-21',
        type: 'postponed',
        jurisdiction: 'US',
        policy: 'ai-review-order',
        actors: [{ actor: 'donald-trump', role: 'decision-maker' }],
        citations: [{ source: 'engadget-ai-oversight-order-postponed', quote: 'I didn’t like certain aspects' }],
        relations: [{ type: 'follows', event: 'review-order-drafted' }],
      },
    ],
  };
}

/** A valid document with one change applied. */
function documentWith(change: (document: RawDocument) => void): unknown {
  const document = validDocument();
  change(document);
  return document;
}

function problemsOf(document: unknown): DatasetProblem[] {
  const result = validateDataset(document);
  if (result.ok) throw new Error('expected the document to be refused, but it validated');
  return result.problems;
}

function datasetOf(document: unknown): Dataset {
  const result = validateDataset(document);
  if (!result.ok) throw new Error(`expected a valid document:\n${result.problems.map(describeProblem).join('\n')}`);
  return result.dataset;
}

describe('validateDataset: a valid document', () => {
  it('validates and fills every default', () => {
    const dataset = datasetOf(validDocument());
    expect(dataset.format).toBe(DATASET_FORMAT);
    expect(dataset.actors[0]).toEqual({
      slug: 'us-federal-government',
      name: 'United States federal government',
      kind: 'government',
      parent: null,
      aliases: [],
    });
    expect(dataset.actors[1].parent).toBe('us-federal-government');
    expect(dataset.actors[2].aliases).toEqual(['President Trump']);
    expect(dataset.sources[0]).toEqual({
      id: 'engadget-ai-oversight-order-postponed',
      title: 'Trump postpones AI oversight executive order',
      publisher: 'Engadget',
      publishedOn: null,
      url: null,
      availability: 'unknown',
      archiveUrl: null,
    });
    expect(dataset.sources[1]).toMatchObject({ url: 'https://example.org/statement', publishedOn: '2026-05-21', publisher: null });
    expect(dataset.events[0]).toMatchObject({ relations: [], citations: [{ source: 'engadget-ai-oversight-order-postponed', quote: null }] });
    expect(dataset.events[1]).toMatchObject({ topics: [], relations: [{ type: 'follows', event: 'review-order-drafted' }] });
    expect(dataset.events[1].citations[0].quote).toBe('I didn’t like certain aspects');
  });

  it('upper-cases jurisdictions and trims dates', () => {
    const dataset = datasetOf(documentWith((document) => {
      document.events[0].date = ' 2026-05 ';
    }));
    expect(dataset.events[0].jurisdiction).toBe('US');
    expect(dataset.events[0].date).toBe('2026-05');
  });

  it('fills empty collections for a document that only states its format', () => {
    expect(datasetOf({ format: 'policy-timeline/v1' })).toEqual({
      format: 'policy-timeline/v1',
      topics: [],
      actors: [],
      sources: [],
      policies: [],
      events: [],
    });
  });

  it('accepts topics an event names without declaring them (import creates them)', () => {
    const dataset = datasetOf(documentWith((document) => {
      document.events[1].topics = ['national-security'];
    }));
    expect(dataset.events[1].topics).toEqual(['national-security']);
  });
});

describe('validateDataset: problems and their paths', () => {
  it('reports a bad EDTF date at events[0].date', () => {
    const problems = problemsOf(documentWith((document) => {
      document.events[0].date = '2026-13';
    }));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('events[0].date');
    expect(problems[0].message.startsWith('"2026-13" is not a valid EDTF date')).toBe(true);
  });

  it('reports February 29 of a common year with the reason', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[1].date = '2026-02-29';
    }))).toEqual([{ path: 'events[1].date', message: '"2026-02-29" is not a valid EDTF date: February 2026 has no day 29' }]);
  });

  it('refuses a javascript: URL on a source, and on its archive URL', () => {
    const message = 'A URL must be an absolute http:// or https:// address';
    expect(problemsOf(documentWith((document) => {
      document.sources[0].url = 'javascript:alert(document.cookie)';
    }))).toEqual([{ path: 'sources[0].url', message }]);
    expect(problemsOf(documentWith((document) => {
      document.sources[1].archiveUrl = 'JavaScript:alert(1)';
    }))).toEqual([{ path: 'sources[1].archiveUrl', message }]);
  });

  it.each(['data:text/html,<script>alert(1)</script>', '/relative/path', 'ftp://example.org/file', 'example.org'])(
    'refuses the URL %j',
    (url) => {
      const problems = problemsOf(documentWith((document) => {
        document.sources[1].url = url;
      }));
      expect(problems.map((problem) => problem.path)).toEqual(['sources[1].url']);
    },
  );

  it('refuses an unknown event type, listing the allowed ones', () => {
    const problems = problemsOf(documentWith((document) => {
      document.events[0].type = 'vetoed';
    }));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('events[0].type');
    expect(problems[0].message).toContain('"postponed"');
    expect(problems[0].message).toContain('"drafted"');
  });

  it('reports an event naming an actor the document does not have', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[0].actors[0].actor = 'elon-musk';
    }))).toEqual([{ path: 'events[0].actors[0].actor', message: 'No actor with slug "elon-musk" in this document' }]);
  });

  it('reports a citation of a missing source', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[1].citations = [{ source: 'no-such-source' }];
    }))).toEqual([{ path: 'events[1].citations[0].source', message: 'No source with id "no-such-source" in this document' }]);
  });

  it('reports an event naming a missing policy', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[1].policy = 'no-such-policy';
    }))).toEqual([{ path: 'events[1].policy', message: 'No policy with slug "no-such-policy" in this document' }]);
  });

  it('reports a relation to a missing event', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[1].relations = [{ type: 'follows', event: 'no-such-event' }];
    }))).toEqual([{ path: 'events[1].relations[0].event', message: 'No event with slug "no-such-event" in this document' }]);
  });

  it('reports duplicate slugs and ids, naming the index of the first', () => {
    expect(problemsOf(documentWith((document) => {
      document.actors[2].slug = 'us-federal-government';
      document.events[1].actors = [];
    }))).toEqual([{ path: 'actors[2].slug', message: 'Duplicate actor slug "us-federal-government" (also at actors[0])' }]);

    expect(problemsOf(documentWith((document) => {
      document.sources[1].id = 'engadget-ai-oversight-order-postponed';
    }))).toEqual([{ path: 'sources[1].id', message: 'Duplicate source id "engadget-ai-oversight-order-postponed" (also at sources[0])' }]);

    expect(problemsOf(documentWith((document) => {
      document.events[1].slug = 'review-order-drafted';
      document.events[1].relations = [];
    }))).toEqual([{ path: 'events[1].slug', message: 'Duplicate event slug "review-order-drafted" (also at events[0])' }]);
  });

  it('reports a cycle among actor parents at every actor in it', () => {
    expect(problemsOf(documentWith((document) => {
      document.actors[0].parent = 'white-house';
    }))).toEqual([
      { path: 'actors[0].parent', message: '"white-house" cannot be the parent: it would make the actor its own ancestor' },
      { path: 'actors[1].parent', message: '"us-federal-government" cannot be the parent: it would make the actor its own ancestor' },
    ]);
  });

  it('reports an actor that is its own parent', () => {
    expect(problemsOf(documentWith((document) => {
      document.actors[2].parent = 'donald-trump';
    }))).toEqual([{ path: 'actors[2].parent', message: '"donald-trump" cannot be the parent: it would make the actor its own ancestor' }]);
  });

  it('reports a parent that is not in the document', () => {
    expect(problemsOf(documentWith((document) => {
      document.actors[1].parent = 'no-such-actor';
    }))).toEqual([{ path: 'actors[1].parent', message: 'No actor with slug "no-such-actor" in this document' }]);
  });

  it('reports an event related to itself', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[1].relations = [{ type: 'follows', event: 'signing-postponed' }];
    }))).toEqual([{ path: 'events[1].relations[0].event', message: 'An event cannot relate to itself' }]);
  });

  it('reports the same relation or actor role listed twice', () => {
    expect(problemsOf(documentWith((document) => {
      document.events[1].relations = [
        { type: 'follows', event: 'review-order-drafted' },
        { type: 'follows', event: 'review-order-drafted' },
      ];
    }))).toEqual([{ path: 'events[1].relations[1]', message: 'The relation "follows review-order-drafted" is listed twice' }]);
    expect(problemsOf(documentWith((document) => {
      document.events[0].actors.push({ actor: 'white-house', role: 'issuer' });
    }))).toEqual([{ path: 'events[0].actors[1]', message: '"white-house" is listed twice as issuer' }]);
  });

  it('reports an alias listed twice for one actor (spaces around it do not count)', () => {
    expect(problemsOf(documentWith((document) => {
      document.actors[2].aliases = ['President Trump', 'Trump', ' President Trump '];
    }))).toEqual([{ path: 'actors[2].aliases[2]', message: 'Duplicate alias "President Trump" (also at actors[2].aliases[0])' }]);
  });

  it('refuses an unknown top-level field, and unknown fields inside rows', () => {
    const topLevel = problemsOf(documentWith((document) => {
      document.comment = 'hello';
    }));
    expect(topLevel).toEqual([{ path: '', message: 'Unknown field "comment"' }]);
    expect(describeProblem(topLevel[0])).toBe('Unknown field "comment"');

    expect(problemsOf(documentWith((document) => {
      document.events[0].notes = 'x';
      document.events[0].color = 'red';
    }))).toEqual([{ path: 'events[0]', message: 'Unknown fields "notes", "color"' }]);
  });

  it('refuses a wrong or missing format', () => {
    const expected = [{ path: 'format', message: 'The format must be "policy-timeline/v1"' }];
    expect(problemsOf(documentWith((document) => {
      document.format = 'policy-timeline/v2';
    }))).toEqual(expected);
    expect(problemsOf(documentWith((document) => {
      delete document.format;
    }))).toEqual(expected);
  });

  it('refuses an event with no citations, whether empty or left out', () => {
    const expected = [{ path: 'events[0].citations', message: 'Every event cites at least one source' }];
    expect(problemsOf(documentWith((document) => {
      document.events[0].citations = [];
    }))).toEqual(expected);
    expect(problemsOf(documentWith((document) => {
      delete document.events[0].citations;
    }))).toEqual(expected);
  });

  it('refuses a document that is not an object', () => {
    for (const document of [null, [], 'policy-timeline/v1', 42]) {
      const problems = problemsOf(document);
      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe('');
    }
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf(documentWith((document) => {
      document.events[0].date = '2026-13';
      document.events[1].actors[0].actor = 'ghost';
      document.sources[1].url = 'javascript:void(0)';
      document.events[1].citations = [];
    }));
    const lines = problems.map(describeProblem);
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^events\[0\]\.date: "2026-13" is not a valid EDTF date/),
      'events[1].actors[0].actor: No actor with slug "ghost" in this document',
      'sources[1].url: A URL must be an absolute http:// or https:// address',
      'events[1].citations: Every event cites at least one source',
    ]));
  });

  it('still checks references when the shape is broken elsewhere in the same row', () => {
    const problems = problemsOf(documentWith((document) => {
      document.events[0].date = '2026-13';
      document.events[0].type = 'vetoed';
      document.events[0].actors[0].actor = 'ghost';
    }));
    expect(problems.map((problem) => problem.path).sort()).toEqual(['events[0].actors[0].actor', 'events[0].date', 'events[0].type']);
  });
});

describe('describeProblem and formatPath', () => {
  it('prints one line as "path: message"', () => {
    expect(describeProblem({ path: 'events[12].date', message: 'A date is required.' })).toBe('events[12].date: A date is required.');
  });

  it('prints just the message for a problem with the whole document', () => {
    expect(describeProblem({ path: '', message: 'Unknown field "x"' })).toBe('Unknown field "x"');
  });

  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['events', 0, 'actors', 2, 'actor'])).toBe('events[0].actors[2].actor');
    expect(formatPath([])).toBe('');
    expect(formatPath(['format'])).toBe('format');
  });
});

describe('the shipped default dataset', () => {
  const file = path.resolve(__dirname, '..', '..', 'prisma', 'data', 'default-dataset.json');
  const document: unknown = JSON.parse(readFileSync(file, 'utf8'));

  it('validates', () => {
    const result = validateDataset(document);
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([]);
  });

  it('has 8 sources, none with an invented URL', () => {
    const dataset = datasetOf(document);
    expect(dataset.sources).toHaveLength(8);
    for (const source of dataset.sources) {
      expect(source.url, source.id).toBeNull();
      expect(source.archiveUrl, source.id).toBeNull();
    }
  });

  it('cites at least one existing source for every event', () => {
    const dataset = datasetOf(document);
    const sourceIds = new Set(dataset.sources.map((source) => source.id));
    expect(dataset.events.length).toBeGreaterThan(0);
    for (const event of dataset.events) {
      expect(event.citations.length, event.slug).toBeGreaterThan(0);
      for (const citation of event.citations) expect(sourceIds.has(citation.source), `${event.slug} → ${citation.source}`).toBe(true);
    }
  });

  it('dates the postponement (signing-postponed) May 21, 2026', () => {
    const dataset = datasetOf(document);
    const postponement = dataset.events.find((event) => event.slug === 'signing-postponed');
    expect(postponement).toBeDefined();
    expect(postponement?.date).toBe('2026-05-21');
    expect(postponement?.type).toBe('postponed');
  });
});

describe('validateDataset: limits', () => {
  it('stops at the first 100 problems of 100,000 empty events, and says so', () => {
    const result = validateDataset({ format: 'policy-timeline/v1', events: Array.from({ length: 100_000 }, () => ({})) });
    if (result.ok) throw new Error('expected the document to be refused');
    expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(result.stoppedEarly).toBe(true);
    expect(result.problems[0]).toEqual({ path: 'events[0].slug', message: expect.any(String) });
    expect(result.problems.at(-1)!.path).toMatch(/^events\[14\]\./);
  });

  it('says that nothing was left unchecked when there are fewer problems', () => {
    const result = validateDataset(documentWith((document) => {
      document.events[0].date = '2026-13';
    }));
    expect(result).toMatchObject({ ok: false, stoppedEarly: false });
  });

  it('refuses control characters and lone surrogates with the path of the field', () => {
    const problems = problemsOf(documentWith((document) => {
      document.events[0].title = 'Signing\u0000 postponed';
      document.actors[0].aliases = ['Broken \uDC00 alias'];
      document.sources[0].publisher = 'Gazette\u0007';
    }));
    expect(problems.map(describeProblem)).toEqual([
      'actors[0].aliases[0]: An alias cannot contain half of a character pair (found a lone U+DC00)',
      'sources[0].publisher: A publisher cannot contain control characters (found U+0007)',
      'events[0].title: An event title cannot contain control characters (found U+0000)',
    ]);
  });

  it('keeps tabs and line breaks in summaries and quotes, storing CRLF as LF', () => {
    const dataset = datasetOf(documentWith((document) => {
      document.events[0].summary = 'First line\r\n\tsecond line';
    }));
    expect(dataset.events[0].summary).toBe('First line\n\tsecond line');
  });
});
