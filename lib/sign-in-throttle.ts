import { db } from '@/lib/db';
import { serializeOn } from '@/lib/sql-dialect';

/**
 * Fixed-window attempt counters in the database, shared by every server
 * process. A bucket allows `limit` attempts per window; the window starts at the
 * first attempt after the previous one ended.
 */

export interface Bucket {
  key: string;
  limit: number;
}

export interface BucketState {
  bucket: Bucket;
  windowEnds: Date;
}

/**
 * Either every bucket counted the attempt (`usedUp`: the one that reached its
 * limit with it and stays used up longest, if any), or none did (`refusedBy`:
 * the used-up bucket that stays so longest).
 */
export type TakeResult = { allowed: true; usedUp: BucketState | null } | { allowed: false; refusedBy: BucketState };

const longestFirst = (a: BucketState, b: BucketState) => b.windowEnds.getTime() - a.windowEnds.getTime();

export const WINDOW_MS = 15 * 60_000;
/** Expired rows deleted per attempt: more than an attempt can create, so the table shrinks back. */
export const PRUNE_BATCH = 50;

/**
 * Takes one attempt from every bucket, or from none when any of them is used
 * up. It runs in one transaction serialised on the buckets' keys, so attempts
 * sent at the same time, from any process, cannot all pass the check before any
 * is counted.
 */
export async function takeAttempt(buckets: Bucket[], now: Date): Promise<TakeResult> {
  return db.$transaction(async (tx) => {
    await serializeOn(tx, buckets.map((bucket) => `sign-in-throttle:${bucket.key}`));
    const rows = await tx.signInThrottle.findMany({ where: { key: { in: buckets.map((bucket) => bucket.key) } } });
    const live = new Map(rows.filter((row) => row.windowEnds > now).map((row) => [row.key, row]));
    const refused = buckets
      .filter((bucket) => (live.get(bucket.key)?.attempts ?? 0) >= bucket.limit)
      .map((bucket) => ({ bucket, windowEnds: live.get(bucket.key)!.windowEnds }))
      .sort(longestFirst);
    if (refused.length > 0) return { allowed: false, refusedBy: refused[0] };

    const usedUp: BucketState[] = [];
    for (const bucket of buckets) {
      const row = live.get(bucket.key);
      const data = row ? { attempts: row.attempts + 1, windowEnds: row.windowEnds } : { attempts: 1, windowEnds: new Date(now.getTime() + WINDOW_MS) };
      await tx.signInThrottle.upsert({ where: { key: bucket.key }, create: { key: bucket.key, ...data }, update: data });
      if (data.attempts >= bucket.limit) usedUp.push({ bucket, windowEnds: data.windowEnds });
    }
    return { allowed: true, usedUp: usedUp.sort(longestFirst)[0] ?? null };
  });
}

/** Gives back an attempt that turned out not to be a guess (the right password). */
export async function refundAttempt(keys: string[]): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key: { in: keys }, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } });
}

export async function clearBuckets(keys: string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** Deletes up to PRUNE_BATCH rows whose window has ended: they no longer limit anything. */
export async function pruneExpired(now: Date): Promise<number> {
  const expired = await db.signInThrottle.findMany({ where: { windowEnds: { lte: now } }, select: { key: true }, take: PRUNE_BATCH });
  if (expired.length === 0) return 0;
  const { count } = await db.signInThrottle.deleteMany({ where: { key: { in: expired.map((row) => row.key) }, windowEnds: { lte: now } } });
  return count;
}
