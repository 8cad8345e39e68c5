import { ACTOR_KINDS, ACTOR_ROLES, AVAILABILITIES, EVENT_TYPES, RELATION_TYPES } from '@/lib/vocabulary';
import { documentOf, type ActorInput, type DocumentInput, type EventInput, type SourceInput } from './factories';

/**
 * Random but valid interchange documents for round-trip tests. A seeded PRNG
 * makes each document reproducible: a failure names its seed.
 */

/** mulberry32: small, fast and good enough to vary test data. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, Math.min(count, pool.length));
  }
}

const SLUG_PARTS = ['a', 'ai', 'act', 'eu', 'nist', 'order', 'review', 'model', 'x1', '0', '1', '10', '2026', 'z9', 'b-c'];
const TEXTS = [
  'Commission européenne',
  'Ministry of Science & ICT',
  'The "Alpha" program',
  '<script>alert(1)</script>',
  'Ünïcödé — “curly quotes” and ‘apostrophes’',
  '東京都 人工知能',
  'Launch 🚀 day',
  "O'Brien & Sons, Ltd.",
  'Two lines\nof text',
  '  padded on both ends  ',
  'Ordinary words about a policy',
];
const JURISDICTIONS = ['US', 'us-ca', 'EU', 'INTL', 'GB', 'DE-BY', 'JP'];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
function daysIn(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
const pad = (value: number, width: number) => String(value).padStart(width, '0');

class DocumentBuilder {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  slug(kind: string): string {
    for (;;) {
      const parts = Array.from({ length: this.random.int(1, 3) }, () => this.random.pick(SLUG_PARTS));
      const slug = parts.join('-');
      if (!this.used.has(`${kind}:${slug}`)) {
        this.used.add(`${kind}:${slug}`);
        return slug;
      }
    }
  }

  /** Line breaks only where the format allows them: summaries and quotes. */
  text({ multiline = false } = {}): string {
    const text = `${this.random.pick(TEXTS)} ${this.random.int(1, 999)}`;
    return multiline ? text : text.replace(/\n/g, ' ');
  }

  qualifier(): string {
    return this.random.pick(['', '', '~', '?', '%']);
  }

  /** One date at year, month or day precision, in the given year. */
  point(year: number, month = this.random.int(1, 12)): string {
    const precision = this.random.int(1, 3);
    const day = this.random.int(1, daysIn(year, month));
    const parts = [pad(year, 4), pad(month, 2), pad(day, 2)].slice(0, precision);
    return parts.join('-') + this.qualifier();
  }

  /** Every supported EDTF form: single dates at each precision and qualifier, closed intervals and open ends. */
  date(): string {
    const year = this.random.pick([this.random.int(1, 99), this.random.int(1900, 2100), this.random.int(9000, 9998), 2000, 2024]);
    switch (this.random.int(1, 5)) {
      case 1:
      case 2:
        return this.point(year);
      case 3: {
        // The end falls in a later year, so it comes after the start whatever the precisions.
        return `${this.point(year)}/${this.point(year + this.random.int(1, 30))}`;
      }
      case 4:
        return `../${this.point(year)}`;
      default:
        return `${this.point(year)}/..`;
    }
  }

  actors(): ActorInput[] {
    const slugs = Array.from({ length: this.random.int(1, 12) }, () => this.slug('actor'));
    // A parent is always an actor made earlier, so chains (of any depth) never loop.
    const actors = slugs.map((slug, index): ActorInput => {
      const actor: ActorInput = { slug, name: this.text(), kind: this.random.pick(ACTOR_KINDS) };
      if (index > 0 && this.random.chance(0.6)) actor.parent = slugs[this.random.int(0, index - 1)];
      else if (this.random.chance(0.5)) actor.parent = null;
      if (this.random.chance(0.6)) actor.aliases = [...new Set(Array.from({ length: this.random.int(0, 3) }, () => this.text()))];
      return actor;
    });
    // Listed in random order, so a parent often comes after its child.
    return this.random.sample(actors, actors.length);
  }

  sources(): SourceInput[] {
    return Array.from({ length: this.random.int(1, 8) }, (): SourceInput => {
      const id = this.slug('source');
      const source: SourceInput = { id, title: this.text(), availability: this.random.pick(AVAILABILITIES) };
      if (this.random.chance(0.6)) source.url = `${this.random.pick(['https', 'http'])}://example.org/${id}?page=${this.random.int(1, 9)}#part`;
      else if (this.random.chance(0.5)) source.url = null;
      if (this.random.chance(0.3)) source.archiveUrl = `https://web.archive.org/web/2026/https://example.org/${id}`;
      if (this.random.chance(0.7)) source.publisher = this.random.chance(0.8) ? this.text() : null;
      if (this.random.chance(0.7)) source.publishedOn = this.random.chance(0.8) ? this.date() : null;
      return source;
    });
  }

  events(refs: { actors: string[]; sources: string[]; policies: string[]; topics: string[] }): EventInput[] {
    const slugs = Array.from({ length: this.random.int(1, 20) }, () => this.slug('event'));
    return slugs.map((slug): EventInput => {
      const others = slugs.filter((other) => other !== slug);
      const relations = new Map<string, { type: (typeof RELATION_TYPES)[number]; event: string }>();
      for (let i = this.random.int(0, Math.min(3, others.length)); i > 0; i--) {
        const relation = { type: this.random.pick(RELATION_TYPES), event: this.random.pick(others) };
        relations.set(`${relation.type} ${relation.event}`, relation);
      }
      return {
        slug,
        title: this.text(),
        summary: `${this.text({ multiline: true })} ${this.text({ multiline: true })}`,
        date: this.date(),
        type: this.random.pick(EVENT_TYPES),
        jurisdiction: this.random.pick(JURISDICTIONS),
        policy: refs.policies.length > 0 && this.random.chance(0.6) ? this.random.pick(refs.policies) : null,
        // A topic may be listed twice: topics are a set.
        topics: Array.from({ length: this.random.int(0, 3) }, () => this.random.pick(refs.topics)),
        actors: this.random.sample(refs.actors, this.random.int(0, 4)).map((actor) => ({ actor, role: this.random.pick(ACTOR_ROLES) })),
        citations: Array.from({ length: this.random.int(1, 3) }, () => ({
          source: this.random.pick(refs.sources),
          quote: this.random.chance(0.7) ? this.text({ multiline: true }) : null,
        })),
        relations: [...relations.values()],
      };
    });
  }
}

/** A valid document from a seed: actors with parent chains, sources with and without URLs, every EDTF form. */
export function randomDocument(seed: number): DocumentInput {
  const random = new Random(seed);
  const build = new DocumentBuilder(random);
  const topics = Array.from({ length: random.int(0, 4) }, () => ({ slug: build.slug('topic'), name: build.text() }));
  // Some topics are only named by events, never declared.
  const topicSlugs = [...topics.map((topic) => topic.slug), ...Array.from({ length: random.int(1, 3) }, () => build.slug('topic'))];
  const actors = build.actors();
  const sources = build.sources();
  const policies = Array.from({ length: random.int(0, 4) }, () => ({ slug: build.slug('policy'), title: build.text(), summary: build.text({ multiline: true }) }));
  const events = build.events({
    actors: actors.map((actor) => actor.slug),
    sources: sources.map((source) => source.id),
    policies: policies.map((policy) => policy.slug),
    topics: topicSlugs,
  });
  return documentOf({ topics, actors, sources, policies, events });
}
