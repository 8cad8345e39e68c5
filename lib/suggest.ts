import { AGENCY_KINDS } from '@/lib/actors';
import { Prisma } from '@/lib/db';
import { startsWordWith } from '@/lib/sql-dialect';
import { readRows } from '@/lib/sql-reader';

/**
 * Suggestions for the filter pickers' type-ahead (GET /api/suggest): the live
 * actors, agencies or policies whose name (or an actor's alias) has a word
 * starting with what was typed. Each query walks the name index in order and
 * stops at SUGGEST_LIMIT matches, so it costs the same with thousands of actors.
 */

export const SUGGEST_KINDS = ['actor', 'agency', 'policy'] as const;
export type SuggestKind = (typeof SUGGEST_KINDS)[number];
export const SUGGEST_LIMIT = 10;
export const MAX_SUGGEST_QUERY = 100;

export interface Suggestion {
  /** The slug the filter takes. */
  value: string;
  label: string;
}

export function isSuggestKind(value: string | null): value is SuggestKind {
  return (SUGGEST_KINDS as readonly string[]).includes(value ?? '');
}

export async function suggest(kind: SuggestKind, typed: string): Promise<Suggestion[]> {
  const text = typed.trim().replace(/\s+/g, ' ').slice(0, MAX_SUGGEST_QUERY);
  if (text === '') return [];
  if (kind === 'policy') {
    return readRows<Suggestion>(Prisma.sql`
      SELECT "slug" AS "value", "title" AS "label" FROM "Policy"
      WHERE "deletedAt" IS NULL AND ${startsWordWith(Prisma.sql`"title"`, text)}
      ORDER BY "title" LIMIT ${SUGGEST_LIMIT}`);
  }
  const kinds = kind === 'agency' ? Prisma.sql` AND "Actor"."kind" IN (${Prisma.join(AGENCY_KINDS)})` : Prisma.empty;
  return readRows<Suggestion>(Prisma.sql`
    SELECT "Actor"."slug" AS "value", "Actor"."name" AS "label" FROM "Actor"
    WHERE "Actor"."deletedAt" IS NULL${kinds} AND (${startsWordWith(Prisma.sql`"Actor"."name"`, text)}
      OR EXISTS (SELECT 1 FROM "ActorAlias" WHERE "ActorAlias"."actorId" = "Actor"."id" AND ${startsWordWith(Prisma.sql`"ActorAlias"."alias"`, text)}))
    ORDER BY "Actor"."name" LIMIT ${SUGGEST_LIMIT}`);
}
