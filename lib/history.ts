import { db } from '@/lib/db';
import { listRevisions, type RevisionView } from '@/lib/revisions';
import { referencesOf, type RevisionNames } from '@/lib/revision-words';

/**
 * A live event's revisions, newest first, for its public history page, with
 * the event's current version (a restore from the page is based on it) and the
 * names of everything the revisions mention, so the page can say "Donald
 * Trump", not "donald-trump". Deleted records keep their names here: a
 * revision recorded them. The work is bounded by this event's own revisions.
 */
export async function getEventHistory(
  slug: string,
): Promise<{ slug: string; title: string; version: number; revisions: RevisionView[]; names: RevisionNames } | null> {
  const event = await db.event.findFirst({ where: { slug, deletedAt: null }, select: { id: true, slug: true, title: true, version: true } });
  if (!event) return null;
  const revisions = await listRevisions('event', event.id);
  const names = await namesFor(referencesOf(revisions.flatMap((revision) => [revision.before, revision.after])));
  return { slug: event.slug, title: event.title, version: event.version, revisions, names };
}

async function namesFor(refs: ReturnType<typeof referencesOf>): Promise<RevisionNames> {
  const [actors, sources, policies, events, topics] = await Promise.all([
    db.actor.findMany({ where: { slug: { in: [...refs.actors] } }, select: { slug: true, name: true } }),
    db.source.findMany({ where: { id: { in: [...refs.sources] } }, select: { id: true, title: true, publisher: true } }),
    db.policy.findMany({ where: { slug: { in: [...refs.policies] } }, select: { slug: true, title: true } }),
    db.event.findMany({ where: { slug: { in: [...refs.events] } }, select: { slug: true, title: true } }),
    db.topic.findMany({ where: { slug: { in: [...refs.topics] } }, select: { slug: true, name: true } }),
  ]);
  return {
    actors: new Map(actors.map((actor) => [actor.slug, actor.name])),
    sources: new Map(sources.map((source) => [source.id, { title: source.title, publisher: source.publisher }])),
    policies: new Map(policies.map((policy) => [policy.slug, policy.title])),
    events: new Map(events.map((related) => [related.slug, related.title])),
    topics: new Map(topics.map((topic) => [topic.slug, topic.name])),
  };
}
