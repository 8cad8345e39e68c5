import { Prisma } from '@/lib/db';
import { readRows } from '@/lib/sql-reader';
import type { CheckOutcome } from '@/lib/sources-watch/classify';

/**
 * What readers see of the watch, read straight from SQLite as the other reader
 * paths are (lib/sql-reader.ts): the "last checked" line of an event's sources
 * (by the event's few source ids) and the newest changes for the Atom feed.
 */

export interface SourceCheckLine {
  lastCheckedAt: Date;
  outcome: CheckOutcome;
  /** When the source was first seen missing, while it still is. */
  goneSince: Date | null;
}

const dateOf = (value: string | number | null): Date | null => (value === null ? null : new Date(value));

export async function sourceCheckLines(sourceIds: string[]): Promise<Map<string, SourceCheckLine>> {
  const lines = new Map<string, SourceCheckLine>();
  if (sourceIds.length === 0) return lines;
  const rows = await readRows<{ sourceId: string; lastCheckedAt: string | number | null; lastOutcome: string | null; goneSince: string | number | null }>(Prisma.sql`
    SELECT "sourceId", "lastCheckedAt", "lastOutcome", "goneSince" FROM "SourceWatch"
    WHERE "sourceId" IN (${Prisma.join([...new Set(sourceIds)])}) AND "lastCheckedAt" IS NOT NULL`);
  for (const row of rows) {
    lines.set(row.sourceId, { lastCheckedAt: dateOf(row.lastCheckedAt)!, outcome: (row.lastOutcome ?? 'reachable') as CheckOutcome, goneSince: dateOf(row.goneSince) });
  }
  return lines;
}

export const SOURCE_CHANGE_KINDS = ['missing', 'removed', 'back', 'changed', 'archived'] as const;
export type SourceChangeKind = (typeof SOURCE_CHANGE_KINDS)[number];

export interface SourceChangeEntry {
  id: number;
  kind: SourceChangeKind;
  at: Date;
  detail: string;
  source: { id: string; title: string; publisher: string | null; url: string | null; archiveUrl: string | null };
  /** A live event that cites the source, to link to (sources have no page of their own). */
  citedBy: { slug: string; title: string } | null;
}

/** The newest changes the watch found, newest first: one indexed read of the end of the table. */
export async function listSourceChanges(limit: number): Promise<SourceChangeEntry[]> {
  const rows = await readRows<{
    id: number;
    kind: string;
    at: string | number;
    detail: string;
    sourceId: string;
    title: string;
    publisher: string | null;
    url: string | null;
    archiveUrl: string | null;
    eventSlug: string | null;
    eventTitle: string | null;
  }>(Prisma.sql`
    SELECT "SourceChange"."id", "SourceChange"."kind", "SourceChange"."at", "SourceChange"."detail", "Source"."id" AS "sourceId",
      "Source"."title", "Source"."publisher", "Source"."url", "Source"."archiveUrl",
      "Event"."slug" AS "eventSlug", "Event"."title" AS "eventTitle"
    FROM "SourceChange" JOIN "Source" ON "Source"."id" = "SourceChange"."sourceId"
    LEFT JOIN "Event" ON "Event"."id" = (
      SELECT "Citation"."eventId" FROM "Citation" JOIN "Event" AS "Citing" ON "Citing"."id" = "Citation"."eventId"
      WHERE "Citation"."sourceId" = "Source"."id" AND "Citing"."deletedAt" IS NULL ORDER BY "Citation"."id" ASC LIMIT 1)
    WHERE "Source"."deletedAt" IS NULL
    ORDER BY "SourceChange"."id" DESC LIMIT ${limit}`);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as SourceChangeKind,
    at: new Date(row.at),
    detail: row.detail,
    source: { id: row.sourceId, title: row.title, publisher: row.publisher, url: row.url, archiveUrl: row.archiveUrl },
    citedBy: row.eventSlug && row.eventTitle ? { slug: row.eventSlug, title: row.eventTitle } : null,
  }));
}
