import { AGENCY_KINDS } from '@/lib/actors';
import { dataVersion } from '@/lib/data-version';
import { Prisma } from '@/lib/db';
import { readRows } from '@/lib/sql-reader';
import type { ActorKind } from '@/lib/vocabulary';

/**
 * The names behind the timeline's filters — live actors, topics and live
 * policies — read once per data version (lib/data-version.ts) rather than on
 * every request: a filter, a facet and a chip all need a slug's name or an
 * agency's sub-agencies, and these tables change only when an editor saves.
 */

export interface CatalogActor {
  id: string;
  slug: string;
  name: string;
  kind: ActorKind;
  parentId: string | null;
}

export interface Catalog {
  version: string;
  actors: CatalogActor[];
  actorBySlug: Map<string, CatalogActor>;
  actorById: Map<string, CatalogActor>;
  topics: Array<{ id: string; slug: string; name: string }>;
  topicBySlug: Map<string, { id: string; slug: string; name: string }>;
  topicById: Map<string, { id: string; slug: string; name: string }>;
  policies: Array<{ id: string; slug: string; title: string }>;
  policyBySlug: Map<string, { id: string; slug: string; title: string }>;
  policyById: Map<string, { id: string; slug: string; title: string }>;
  /** These actors and every live actor under them (NIST under Commerce), each once. */
  withDescendants: (ids: string[]) => string[];
  isAgency: (actor: CatalogActor) => boolean;
}

async function loadCatalog(version: string): Promise<Catalog> {
  const [actorRows, topics, policies] = await Promise.all([
    readRows<{ id: string; slug: string; name: string; kind: string; parentId: string | null }>(
      Prisma.sql`SELECT "id", "slug", "name", "kind", "parentId" FROM "Actor" WHERE "deletedAt" IS NULL`,
    ),
    readRows<{ id: string; slug: string; name: string }>(Prisma.sql`SELECT "id", "slug", "name" FROM "Topic"`),
    readRows<{ id: string; slug: string; title: string }>(Prisma.sql`SELECT "id", "slug", "title" FROM "Policy" WHERE "deletedAt" IS NULL`),
  ]);
  const actors = actorRows.map((actor) => ({ ...actor, kind: actor.kind as ActorKind }));
  const children = new Map<string, string[]>();
  for (const actor of actors) {
    if (actor.parentId) children.set(actor.parentId, [...(children.get(actor.parentId) ?? []), actor.id]);
  }
  const withDescendants = (ids: string[]) => {
    const all = new Set<string>();
    const stack = [...ids];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (all.has(id)) continue;
      all.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return [...all];
  };
  return {
    version,
    actors,
    actorBySlug: new Map(actors.map((actor) => [actor.slug, actor])),
    actorById: new Map(actors.map((actor) => [actor.id, actor])),
    topics,
    topicBySlug: new Map(topics.map((topic) => [topic.slug, topic])),
    topicById: new Map(topics.map((topic) => [topic.id, topic])),
    policies,
    policyBySlug: new Map(policies.map((policy) => [policy.slug, policy])),
    policyById: new Map(policies.map((policy) => [policy.id, policy])),
    withDescendants,
    isAgency: (actor) => AGENCY_KINDS.includes(actor.kind),
  };
}

const KEY = Symbol.for('ai-policy-timeline.catalog');
const holder = globalThis as unknown as { [KEY]?: Promise<Catalog> };

/** The catalog of the current data version (loaded at most once per version, shared by concurrent requests). */
export async function catalog(): Promise<Catalog> {
  const version = await dataVersion();
  const cached = holder[KEY];
  if (cached) {
    const found = await cached.catch(() => null);
    if (found && found.version === version) return found;
    if (holder[KEY] !== cached) return catalog(); // another request is already loading the new one
  }
  const loading = loadCatalog(version);
  holder[KEY] = loading;
  loading.catch(() => {
    if (holder[KEY] === loading) delete holder[KEY];
  });
  return loading;
}
