import { parseEdtf } from '@/lib/dates';
import type { Prisma } from '@/lib/db';
import { refreshSearchText } from '@/lib/search';

/**
 * Writing an event's derived date fields and its links (actors with roles,
 * topics, citations, relations). Shared by dataset import and the admin form,
 * so both store an event the same way.
 */

export interface EventLinks {
  actors: Array<{ actorId: string; role: string }>;
  topicIds: string[];
  citations: Array<{ sourceId: string; quote: string | null }>;
  relations: Array<{ toEventId: string; type: string }>;
}

/** The columns derived from an EDTF date; the date must already be valid. */
export function derivedDateFields(edtf: string) {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) throw new Error(parsed.error);
  const { earliest, latest, sortKey, precision, start } = parsed.date;
  const dateStartMonth = start?.month === undefined ? null : `${String(start.year).padStart(4, '0')}-${String(start.month).padStart(2, '0')}`;
  return { date: parsed.date.edtf, dateEarliest: earliest, dateLatest: latest, dateSortKey: sortKey, datePrecision: precision, dateStartMonth };
}

/**
 * Replaces every link of an event, keeping the given order of actors and
 * citations, and rebuilds its search text (which reads the links).
 */
export async function replaceEventLinks(tx: Prisma.TransactionClient, eventId: string, links: EventLinks): Promise<void> {
  await tx.eventActor.deleteMany({ where: { eventId } });
  await tx.eventTopic.deleteMany({ where: { eventId } });
  await tx.citation.deleteMany({ where: { eventId } });
  await tx.eventRelation.deleteMany({ where: { fromEventId: eventId } });
  await tx.eventActor.createMany({
    data: links.actors.map((link, position) => ({ eventId, actorId: link.actorId, role: link.role, position })),
  });
  await tx.eventTopic.createMany({ data: links.topicIds.map((topicId) => ({ eventId, topicId })) });
  await tx.citation.createMany({
    data: links.citations.map((citation, position) => ({ eventId, sourceId: citation.sourceId, quote: citation.quote, position })),
  });
  await tx.eventRelation.createMany({
    data: links.relations.map((relation) => ({ fromEventId: eventId, toEventId: relation.toEventId, type: relation.type })),
  });
  await refreshSearchText(tx, [eventId]);
}
