import { DATASET_FORMAT, type Dataset } from '@/lib/dataset/format';
import {
  ACTOR_ROLES,
  EVENT_TYPES,
  RELATION_TYPES,
  type ActorKind,
  type ActorRole,
  type Availability,
  type EventType,
  type RelationType,
} from '@/lib/vocabulary';

/**
 * A deterministic synthetic dataset in the interchange format, for the
 * benchmark (scripts/bench.ts). The same seed and size always give the same
 * document; nothing here uses Math.random or the clock. Every record is
 * labelled synthetic and every URL points at example.org.
 */

/** mulberry32: a small, fast, seedable PRNG giving floats in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = createRng(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** A picker by weight over many items: cumulative sums once, then a binary search per pick. */
  weightedPicker<T>(items: readonly T[], weights: readonly number[]): () => T {
    const cumulative: number[] = [];
    let total = 0;
    for (const weight of weights) cumulative.push((total += weight));
    return () => {
      const threshold = this.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle] > threshold) high = middle;
        else low = middle + 1;
      }
      return items[low];
    };
  }
  /** Picks by weight; `weights` is parallel to `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let threshold = this.next() * total;
    for (let index = 0; index < items.length; index++) {
      threshold -= weights[index];
      if (threshold < 0) return items[index];
    }
    return items[items.length - 1];
  }
}

interface ActorSpec {
  slug: string;
  name: string;
  kind: ActorKind;
  parent?: string;
  aliases?: string[];
  /** How often the actor turns up in events, relative to the others. */
  weight: number;
}

/** ~60 actors; agencies sit under departments, up to three levels deep (Commerce › NIST › AI institute). */
const ACTORS: ActorSpec[] = [
  { slug: 'us-federal-government', name: 'United States federal government', kind: 'government', weight: 6 },
  { slug: 'white-house', name: 'The White House', kind: 'government', parent: 'us-federal-government', weight: 14 },
  { slug: 'ostp', name: 'Office of Science and Technology Policy', kind: 'agency', parent: 'white-house', aliases: ['OSTP'], weight: 6 },
  { slug: 'omb', name: 'Office of Management and Budget', kind: 'agency', parent: 'white-house', aliases: ['OMB'], weight: 4 },
  { slug: 'us-department-of-commerce', name: 'US Department of Commerce', kind: 'agency', parent: 'us-federal-government', weight: 8 },
  { slug: 'nist', name: 'National Institute of Standards and Technology', kind: 'agency', parent: 'us-department-of-commerce', aliases: ['NIST'], weight: 8 },
  { slug: 'us-ai-standards-institute', name: 'US AI Standards Institute (synthetic)', kind: 'agency', parent: 'nist', weight: 5 },
  { slug: 'ntia', name: 'National Telecommunications and Information Administration', kind: 'agency', parent: 'us-department-of-commerce', aliases: ['NTIA'], weight: 3 },
  { slug: 'bis', name: 'Bureau of Industry and Security', kind: 'agency', parent: 'us-department-of-commerce', aliases: ['BIS'], weight: 5 },
  { slug: 'us-department-of-defense', name: 'US Department of Defense', kind: 'agency', parent: 'us-federal-government', weight: 5 },
  { slug: 'darpa', name: 'Defense Advanced Research Projects Agency', kind: 'agency', parent: 'us-department-of-defense', aliases: ['DARPA'], weight: 2 },
  { slug: 'cdao', name: 'Chief Digital and AI Office', kind: 'agency', parent: 'us-department-of-defense', weight: 2 },
  { slug: 'us-department-of-homeland-security', name: 'US Department of Homeland Security', kind: 'agency', parent: 'us-federal-government', weight: 3 },
  { slug: 'cisa', name: 'Cybersecurity and Infrastructure Security Agency', kind: 'agency', parent: 'us-department-of-homeland-security', aliases: ['CISA'], weight: 3 },
  { slug: 'us-department-of-health', name: 'US Department of Health and Human Services', kind: 'agency', parent: 'us-federal-government', weight: 2 },
  { slug: 'fda', name: 'Food and Drug Administration', kind: 'agency', parent: 'us-department-of-health', aliases: ['FDA'], weight: 2 },
  { slug: 'ftc', name: 'Federal Trade Commission', kind: 'agency', parent: 'us-federal-government', aliases: ['FTC'], weight: 4 },
  { slug: 'us-congress', name: 'United States Congress', kind: 'legislature', weight: 4 },
  { slug: 'us-senate', name: 'United States Senate', kind: 'legislature', parent: 'us-congress', weight: 5 },
  { slug: 'us-house', name: 'United States House of Representatives', kind: 'legislature', parent: 'us-congress', weight: 4 },
  { slug: 'us-supreme-court', name: 'Supreme Court of the United States', kind: 'court', weight: 1 },
  { slug: 'california-government', name: 'State of California', kind: 'government', weight: 2 },
  { slug: 'california-legislature', name: 'California State Legislature', kind: 'legislature', parent: 'california-government', weight: 3 },
  { slug: 'european-union', name: 'European Union', kind: 'government', aliases: ['EU'], weight: 4 },
  { slug: 'european-commission', name: 'European Commission', kind: 'agency', parent: 'european-union', weight: 7 },
  { slug: 'eu-ai-office', name: 'European AI Office', kind: 'agency', parent: 'european-commission', weight: 4 },
  { slug: 'dg-connect', name: 'Directorate-General for Communications Networks', kind: 'agency', parent: 'european-commission', aliases: ['DG CONNECT'], weight: 2 },
  { slug: 'european-parliament', name: 'European Parliament', kind: 'legislature', parent: 'european-union', weight: 4 },
  { slug: 'council-of-the-eu', name: 'Council of the European Union', kind: 'legislature', parent: 'european-union', weight: 2 },
  { slug: 'cjeu', name: 'Court of Justice of the European Union', kind: 'court', parent: 'european-union', weight: 1 },
  { slug: 'uk-government', name: 'Government of the United Kingdom', kind: 'government', weight: 3 },
  { slug: 'uk-dsit', name: 'Department for Science, Innovation and Technology', kind: 'agency', parent: 'uk-government', aliases: ['DSIT'], weight: 3 },
  { slug: 'uk-ai-institute', name: 'UK AI Institute (synthetic)', kind: 'agency', parent: 'uk-dsit', weight: 2 },
  { slug: 'uk-parliament', name: 'Parliament of the United Kingdom', kind: 'legislature', weight: 2 },
  { slug: 'china-state-council', name: 'State Council of China', kind: 'government', weight: 2 },
  { slug: 'china-cac', name: 'Cyberspace Administration of China', kind: 'agency', parent: 'china-state-council', aliases: ['CAC'], weight: 3 },
  { slug: 'japan-government', name: 'Government of Japan', kind: 'government', weight: 2 },
  { slug: 'canada-government', name: 'Government of Canada', kind: 'government', weight: 1 },
  { slug: 'oecd', name: 'Organisation for Economic Co-operation and Development', kind: 'organization', aliases: ['OECD'], weight: 2 },
  { slug: 'company-alpha-labs', name: 'Alpha Labs (synthetic)', kind: 'company', weight: 9 },
  { slug: 'company-beta-ai', name: 'Beta AI (synthetic)', kind: 'company', weight: 8 },
  { slug: 'company-gamma-systems', name: 'Gamma Systems (synthetic)', kind: 'company', weight: 6 },
  { slug: 'company-delta-cloud', name: 'Delta Cloud (synthetic)', kind: 'company', weight: 5 },
  { slug: 'company-epsilon-chips', name: 'Epsilon Chips (synthetic)', kind: 'company', weight: 4 },
  { slug: 'company-zeta-social', name: 'Zeta Social (synthetic)', kind: 'company', weight: 4 },
  { slug: 'company-eta-models', name: 'Eta Models (synthetic)', kind: 'company', weight: 3 },
  { slug: 'company-theta-search', name: 'Theta Search (synthetic)', kind: 'company', weight: 3 },
  { slug: 'org-open-rights-group', name: 'Open Rights Collective (synthetic)', kind: 'organization', weight: 3 },
  { slug: 'org-safety-forum', name: 'AI Safety Forum (synthetic)', kind: 'organization', weight: 3 },
  { slug: 'org-industry-council', name: 'Technology Industry Council (synthetic)', kind: 'organization', weight: 4 },
  { slug: 'org-civil-liberties-union', name: 'Civil Liberties Alliance (synthetic)', kind: 'organization', weight: 2 },
  { slug: 'org-standards-body', name: 'International Standards Body (synthetic)', kind: 'organization', weight: 2 },
  { slug: 'person-alex-morgan', name: 'Alex Morgan (synthetic)', kind: 'person', weight: 6 },
  { slug: 'person-blair-okafor', name: 'Blair Okafor (synthetic)', kind: 'person', weight: 4 },
  { slug: 'person-casey-lindqvist', name: 'Casey Lindqvist (synthetic)', kind: 'person', weight: 4 },
  { slug: 'person-dana-ferreira', name: 'Dana Ferreira (synthetic)', kind: 'person', weight: 3 },
  { slug: 'person-eli-nakamura', name: 'Eli Nakamura (synthetic)', kind: 'person', weight: 3 },
  { slug: 'person-frankie-adeyemi', name: 'Frankie Adeyemi (synthetic)', kind: 'person', weight: 2 },
  { slug: 'person-gray-novak', name: 'Gray Novak (synthetic)', kind: 'person', weight: 2 },
  { slug: 'person-harper-valdez', name: 'Harper Valdez (synthetic)', kind: 'person', weight: 2 },
];

/** An agency with sub-agencies two levels deep, for the `agency=` filter. */
export const BENCH_AGENCY = 'us-department-of-commerce';

const TOPICS = [
  ['frontier-models', 'Frontier models'],
  ['export-controls', 'Export controls'],
  ['national-security', 'National security'],
  ['cybersecurity', 'Cybersecurity'],
  ['privacy', 'Privacy'],
  ['copyright', 'Copyright'],
  ['competition', 'Competition'],
  ['public-sector-ai', 'AI in the public sector'],
  ['standards', 'Standards and evaluation'],
  ['industry-influence', 'Industry influence'],
  ['elections', 'Elections and disinformation'],
  ['health', 'Health'],
] as const;

const PUBLISHERS = [
  'Synthetic Daily',
  'The Example Gazette',
  'Benchmark Policy Review',
  'Federal Register (synthetic)',
  'Official Journal (synthetic)',
  'Example Wire Service',
  'Tech Policy Weekly (synthetic)',
];

const WORDS = (
  'agency order review model frontier draft guidance standard safety security export chip compute evaluation ' +
  'disclosure transparency developer deployment risk testing report committee hearing amendment consultation ' +
  'framework voluntary binding deadline comment period industry coalition letter oversight budget directive ' +
  'procurement threshold license registry incident audit benchmark watermark provenance copyright privacy data'
).split(' ');

const JURISDICTIONS = ['US', 'EU', 'GB', 'US-CA', 'CN', 'JP', 'CA', 'INTL'];
const JURISDICTION_WEIGHTS = [50, 20, 8, 6, 5, 4, 2, 5];

const TYPE_WEIGHTS: Record<EventType, number> = {
  drafted: 8, revised: 6, proposed: 8, announced: 12, signed: 4, enacted: 3, postponed: 3, withdrawn: 2,
  revoked: 1, removed: 2, released: 6, statement: 20, lobbying: 10, hearing: 8, other: 7,
};

const ROLE_WEIGHTS: Record<ActorRole, number> = {
  'decision-maker': 10, issuer: 14, supporter: 10, opponent: 8, lobbyist: 6, subject: 8, participant: 14,
};

const RELATION_WEIGHTS: Record<RelationType, number> = { follows: 10, amends: 3, supersedes: 2, reverses: 1, 'responds-to': 5 };

/** How dates are written: mostly days and months, some years, qualifiers, intervals and a few open ends. */
type DateShape = 'day' | 'month' | 'year' | 'day-approx' | 'month-uncertain' | 'day-both' | 'day-interval' | 'month-interval' | 'open-start' | 'open-end';
const DATE_SHAPES: DateShape[] = ['day', 'month', 'year', 'day-approx', 'month-uncertain', 'day-both', 'day-interval', 'month-interval', 'open-start', 'open-end'];
const DATE_SHAPE_WEIGHTS = [45, 18, 7, 4, 4, 2, 9, 6, 2, 3];

const FIRST_DAY_MS = Date.UTC(2015, 0, 1);
const LAST_DAY_MS = Date.UTC(2026, 11, 31);
const DAY_MS = 86_400_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoMonth = (ms: number) => new Date(ms).toISOString().slice(0, 7);

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
}

function randomDate(random: Random): string {
  const start = FIRST_DAY_MS + random.int(0, Math.floor((LAST_DAY_MS - FIRST_DAY_MS) / DAY_MS)) * DAY_MS;
  const shape = random.weighted(DATE_SHAPES, DATE_SHAPE_WEIGHTS);
  switch (shape) {
    case 'day':
      return isoDay(start);
    case 'month':
      return isoMonth(start);
    case 'year':
      return isoDay(start).slice(0, 4);
    case 'day-approx':
      return `${isoDay(start)}~`;
    case 'month-uncertain':
      return `${isoMonth(start)}?`;
    case 'day-both':
      return `${isoDay(start)}%`;
    case 'day-interval':
      return `${isoDay(start)}/${isoDay(start + random.int(1, 45) * DAY_MS)}`;
    case 'month-interval':
      return `${isoMonth(start)}/${isoMonth(addMonths(start, random.int(1, 3)))}`;
    case 'open-start':
      return `../${isoDay(start)}`;
    case 'open-end':
      return `${isoDay(start)}/..`;
  }
}

/** A source's publication date: a day, sometimes only a month. */
function randomPublishedOn(random: Random): string {
  const day = FIRST_DAY_MS + random.int(0, Math.floor((LAST_DAY_MS - FIRST_DAY_MS) / DAY_MS)) * DAY_MS;
  return random.chance(0.8) ? isoDay(day) : isoMonth(day);
}

function sentence(random: Random, minWords: number, maxWords: number): string {
  const words = Array.from({ length: random.int(minWords, maxWords) }, () => random.pick(WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random, 8, 18)).join(' ');
}

export interface BenchDatasetOptions {
  events: number;
  seed?: number;
  sources?: number;
  policies?: number;
  /** Synthetic actors beyond the ~60 named ones (companies, organisations, people, agencies). */
  extraActors?: number;
}

const EXTRA_ACTOR_KINDS: ActorKind[] = ['company', 'organization', 'person', 'agency', 'legislature'];
const EXTRA_ACTOR_KIND_WEIGHTS = [40, 25, 25, 8, 2];

/**
 * Builds the document. The defaults grow with the archive as a real one does:
 * an actor for every 20 events on top of the ~60 named ones, a source for every
 * 4 events (at least 200), a policy for every 30 (at least 30), and a few more
 * topics; a few actors and storylines are very common, most are rare.
 */
export function generateBenchDataset({
  events: eventCount,
  seed = 20261127,
  sources: sourceCount = Math.max(200, Math.round(eventCount / 4)),
  policies: policyCount = Math.max(30, Math.round(eventCount / 30)),
  extraActors = Math.round(eventCount / 20),
}: BenchDatasetOptions): Dataset {
  const random = new Random(seed);

  const extraTopics = Array.from({ length: Math.min(48, Math.floor(eventCount / 2000)) }, (_, index) => [
    `synthetic-topic-${pad(index + 1)}`,
    `Synthetic topic ${pad(index + 1)}`,
  ] as const);
  const allTopics = [...TOPICS, ...extraTopics];
  const topics = allTopics.map(([slug, name]) => ({ slug, name }));

  const extra: ActorSpec[] = Array.from({ length: extraActors }, (_, index) => {
    const kind = random.weighted(EXTRA_ACTOR_KINDS, EXTRA_ACTOR_KIND_WEIGHTS);
    const number = pad(index + 1, 5);
    return {
      slug: `bench-${kind}-${number}`,
      name: `Synthetic ${kind} ${number} ${random.pick(WORDS)}`,
      kind,
      // Agencies hang under the named departments, so agency filters have deep trees.
      parent: kind === 'agency' ? random.pick(['us-department-of-commerce', 'nist', 'white-house', 'us-federal-government']) : undefined,
      // Zipf-like: the first extra actors are common, the long tail rare.
      weight: 6 / Math.sqrt(index + 1),
    };
  });
  const actorSpecs = [...ACTORS, ...extra];
  const actors = actorSpecs.map((actor) => ({
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    parent: actor.parent ?? null,
    aliases: actor.aliases ?? [],
  }));
  const actorSlugs = actorSpecs.map((actor) => actor.slug);
  const pickActor = random.weightedPicker(actorSlugs, actorSpecs.map((actor) => actor.weight));

  const sources = Array.from({ length: sourceCount }, (_, index) => {
    const number = pad(index + 1, 3);
    const availability = random.weighted<Availability>(['live', 'removed', 'unknown'], [70, 10, 20]);
    const hasUrl = random.chance(0.85);
    return {
      id: `bench-source-${number}`,
      title: `Synthetic source ${number}: ${sentence(random, 4, 10).slice(0, -1)}`,
      publisher: random.chance(0.9) ? random.pick(PUBLISHERS) : null,
      publishedOn: random.chance(0.9) ? randomPublishedOn(random) : null,
      url: hasUrl ? `https://example.org/bench/sources/${number}` : null,
      availability: hasUrl ? availability : 'unknown',
      archiveUrl: hasUrl && availability === 'removed' ? `https://example.org/bench/archive/${number}` : null,
    };
  });

  const policies = Array.from({ length: policyCount }, (_, index) => {
    const number = pad(index + 1);
    const topic = TOPICS[index % TOPICS.length][1].toLowerCase();
    return {
      slug: `bench-policy-${number}`,
      title: `Synthetic policy ${number} on ${topic}`,
      summary: paragraph(random, 3),
    };
  });
  // A few storylines are long, most are short.
  const pickPolicy = random.weightedPicker(policies, policies.map((_, index) => 1 / (index + 1)));

  const slugs: string[] = [];
  const byPolicy = new Map<string, number[]>();
  const events: Dataset['events'] = [];
  for (let index = 0; index < eventCount; index++) {
    const type = random.weighted(EVENT_TYPES, EVENT_TYPES.map((item) => TYPE_WEIGHTS[item]));
    const slug = `bench-event-${pad(index + 1, 6)}-${type}`;
    const policy = random.chance(0.65) ? pickPolicy().slug : null;

    const eventActors: Array<{ actor: string; role: ActorRole }> = [];
    const actorCount = random.weighted([1, 2, 3, 4], [35, 35, 20, 10]);
    while (eventActors.length < actorCount) {
      const actor = pickActor();
      if (eventActors.some((link) => link.actor === actor)) continue;
      eventActors.push({ actor, role: random.weighted(ACTOR_ROLES, ACTOR_ROLES.map((role) => ROLE_WEIGHTS[role])) });
    }

    const citationCount = random.weighted([1, 2, 3], [50, 35, 15]);
    const citations = Array.from({ length: citationCount }, () => ({
      source: random.pick(sources).id,
      quote: random.chance(0.85) ? `“${paragraph(random, random.int(1, 3))}”` : null,
    }));

    const relations: Array<{ type: RelationType; event: string }> = [];
    if (index > 0 && random.chance(0.25)) {
      const storyline = policy ? (byPolicy.get(policy) ?? []) : [];
      const relationCount = random.int(1, 2);
      for (let attempt = 0; attempt < 4 && relations.length < relationCount; attempt++) {
        const target = storyline.length > 0 && random.chance(0.8) ? slugs[random.pick(storyline)] : slugs[random.int(0, index - 1)];
        if (relations.some((relation) => relation.event === target)) continue;
        relations.push({ type: random.weighted(RELATION_TYPES, RELATION_TYPES.map((item) => RELATION_WEIGHTS[item])), event: target });
      }
    }

    const topicCount = random.weighted([0, 1, 2], [20, 55, 25]);
    const eventTopics = [...new Set(Array.from({ length: topicCount }, () => random.pick(allTopics)[0]))];

    events.push({
      slug,
      title: `Synthetic event ${index + 1}: ${sentence(random, 5, 12).slice(0, -1)}`,
      summary: paragraph(random, random.int(2, 5)),
      date: randomDate(random),
      type,
      jurisdiction: random.weighted(JURISDICTIONS, JURISDICTION_WEIGHTS),
      policy,
      topics: eventTopics,
      actors: eventActors,
      citations: dedupeCitations(citations),
      relations,
    });
    slugs.push(slug);
    if (policy) {
      const storyline = byPolicy.get(policy);
      if (storyline) storyline.push(index);
      else byPolicy.set(policy, [index]);
    }
  }

  return { format: DATASET_FORMAT, topics, actors, sources, policies, events };
}

/** The same source cited twice in one event is allowed, but reads oddly; keep the first. */
function dedupeCitations<T extends { source: string }>(citations: T[]): T[] {
  return citations.filter((citation, index) => citations.findIndex((other) => other.source === citation.source) === index);
}
