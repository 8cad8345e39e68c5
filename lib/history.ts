import { db } from '@/lib/db';
import { listRevisions, type RevisionView } from '@/lib/revisions';

/**
 * A live event's revisions, newest first, for its public history page, with
 * the event's current version: a restore from the page is based on it.
 */
export async function getEventHistory(
  slug: string,
): Promise<{ slug: string; title: string; version: number; revisions: RevisionView[] } | null> {
  const event = await db.event.findFirst({ where: { slug, deletedAt: null }, select: { id: true, slug: true, title: true, version: true } });
  if (!event) return null;
  return { slug: event.slug, title: event.title, version: event.version, revisions: await listRevisions('event', event.id) };
}
