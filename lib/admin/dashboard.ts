import { db } from '@/lib/db';

export interface ContentCounts {
  events: number;
  actors: number;
  sources: number;
  policies: number;
  inTrash: number;
}

export async function countContent(): Promise<ContentCounts> {
  const live = { where: { deletedAt: null } };
  const deleted = { where: { deletedAt: { not: null } } };
  const [events, actors, sources, policies, ...trash] = await Promise.all([
    db.event.count(live),
    db.actor.count(live),
    db.source.count(live),
    db.policy.count(live),
    db.event.count(deleted),
    db.actor.count(deleted),
    db.source.count(deleted),
    db.policy.count(deleted),
  ]);
  return { events, actors, sources, policies, inTrash: trash.reduce((sum, count) => sum + count, 0) };
}
