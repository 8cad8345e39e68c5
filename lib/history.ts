import { db } from '@/lib/db';
import { listRevisions, type RevisionView } from '@/lib/revisions';

/** A live event's revisions, newest first, for its public history page. */
export async function getEventHistory(slug: string): Promise<{ slug: string; title: string; revisions: RevisionView[] } | null> {
  const event = await db.event.findFirst({ where: { slug, deletedAt: null }, select: { id: true, slug: true, title: true } });
  if (!event) return null;
  return { slug: event.slug, title: event.title, revisions: await listRevisions('event', event.id) };
}
