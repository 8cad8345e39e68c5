import type { EventWhere } from '@/lib/event-filter';
import { chronologicalOrder } from '@/lib/events';
import type { Prisma } from '@/lib/db';

/**
 * Reading a whole table or a whole view in batches, so an export of every
 * event never holds more than one batch: each query starts just after the last
 * row of the one before (a keyset, which an index finds directly), unlike an
 * OFFSET, which counts every earlier row again.
 */

/** Events per query: enough that the queries cost little next to writing the rows, few enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 500;

type Direction = 'asc' | 'desc';

/** Rows in batches of `batchSize`; `readAfter(null, take)` reads the first batch, `readAfter(last, take)` the next. */
export async function* keysetBatches<Row>(
  readAfter: (last: Row | null, take: number) => Promise<Row[]>,
  batchSize: number = EXPORT_BATCH_SIZE,
): AsyncGenerator<Row[], void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`A batch holds at least one row, not ${batchSize}`);
  let last: Row | null = null;
  for (;;) {
    const rows = await readAfter(last, batchSize);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1];
  }
}

/** The columns of chronologicalOrder: a row's place in the chronology (slug is unique, so no two rows share one). */
export interface ChronologicalPosition {
  dateSortKey: string;
  dateLatest: string;
  slug: string;
}

/** Events strictly after `position` when reading the chronology in `direction` (dateLatest runs the other way). */
export function afterPosition(position: ChronologicalPosition, direction: Direction): EventWhere {
  const forward = direction === 'asc' ? 'gt' : 'lt';
  const backward = direction === 'asc' ? 'lt' : 'gt';
  const { dateSortKey, dateLatest, slug } = position;
  return {
    // Implied by the OR below, but lets the index jump straight to the position instead of scanning from the start.
    dateSortKey: { [direction === 'asc' ? 'gte' : 'lte']: dateSortKey },
    OR: [
      { dateSortKey: { [forward]: dateSortKey } },
      { dateSortKey, dateLatest: { [backward]: dateLatest } },
      { dateSortKey, dateLatest, slug: { [forward]: slug } },
    ],
  };
}

/** What a chronological batch query needs besides its select: the filter, the order and the size. */
export interface ChronologicalQuery {
  where: EventWhere;
  orderBy: Prisma.EventOrderByWithRelationInput[];
  take: number;
}

/**
 * Every event matching `where`, in chronological order (or its reverse), in
 * batches: `read` runs one query (with its own select, which must include the
 * position columns).
 */
export function chronologicalBatches<Row extends ChronologicalPosition>(
  where: EventWhere,
  direction: Direction,
  read: (query: ChronologicalQuery) => Promise<Row[]>,
  batchSize?: number,
): AsyncGenerator<Row[], void, undefined> {
  const orderBy = chronologicalOrder(direction);
  return keysetBatches(
    (last, take) => read({ where: last ? { AND: [where, afterPosition(last, direction)] } : where, orderBy, take }),
    batchSize,
  );
}
