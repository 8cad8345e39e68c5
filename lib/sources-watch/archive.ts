import { z } from 'zod';

/**
 * Archived copies through the Internet Archive's availability API
 * (GET <base>?url=…&timestamp=YYYYMMDDhhmmss answers the closest snapshot).
 * The base URL is the operator's setting (ARCHIVE_AVAILABILITY_URL), so it is
 * fetched as configured, with the check's timeout and User-Agent.
 */

const availabilitySchema = z.object({
  archived_snapshots: z
    .object({
      closest: z
        .object({ available: z.boolean(), url: z.string(), timestamp: z.string().regex(/^\d{14}$/), status: z.string().optional() })
        .optional(),
    })
    .optional(),
});

const waybackStamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').slice(0, 14);

const fromStamp = (stamp: string) =>
  new Date(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`);

export interface ArchiveOptions {
  timeoutMs: number;
  userAgent: string;
}

/**
 * The closest good snapshot taken before `before` (when the source was first seen
 * missing: a later one may hold the error page), as an https address; null when
 * there is none or the API did not answer.
 */
export async function findSnapshotBefore(baseUrl: string, address: string, before: Date, options: ArchiveOptions): Promise<string | null> {
  const lookup = new URL(baseUrl);
  lookup.searchParams.set('url', address);
  lookup.searchParams.set('timestamp', waybackStamp(before));
  try {
    const response = await fetch(lookup, { headers: { 'User-Agent': options.userAgent }, signal: AbortSignal.timeout(options.timeoutMs) });
    if (!response.ok) return null;
    const parsed = availabilitySchema.safeParse(await response.json());
    const closest = parsed.success ? parsed.data.archived_snapshots?.closest : undefined;
    if (!closest?.available || (closest.status && !closest.status.startsWith('2'))) return null;
    if (fromStamp(closest.timestamp) > before) return null;
    const snapshot = new URL(closest.url);
    if (snapshot.protocol !== 'http:' && snapshot.protocol !== 'https:') return null;
    return snapshot.toString();
  } catch {
    return null;
  }
}

/** Asks the archive to take a snapshot of a newly added source (ARCHIVE_SAVE_URL + the address); true when it accepted. */
export async function requestSnapshot(saveUrl: string, address: string, options: ArchiveOptions): Promise<boolean> {
  try {
    const response = await fetch(`${saveUrl}${address}`, { headers: { 'User-Agent': options.userAgent }, signal: AbortSignal.timeout(options.timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
