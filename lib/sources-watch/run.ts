import pLimit, { type LimitFunction } from 'p-limit';
import { db } from '@/lib/db';
import { findSnapshotBefore, requestSnapshot } from '@/lib/sources-watch/archive';
import { classifyFetch, type CheckOutcome } from '@/lib/sources-watch/classify';
import { fetchPage } from '@/lib/sources-watch/fetch-page';
import type { Transition } from '@/lib/sources-watch/gone-rule';
import { recordCheck, type CheckedSource } from '@/lib/sources-watch/record';
import type { WatchSettings } from '@/lib/sources-watch/settings';
import type { Availability } from '@/lib/vocabulary';

export interface CheckResult {
  sourceId: string;
  url: string;
  outcome: CheckOutcome;
  detail: string;
  status: number | null;
  durationMs: number;
  transition: Transition;
  availability: Availability;
}

export interface RunProgress {
  done: number;
  total: number;
  counts: Record<CheckOutcome, number>;
  last: CheckResult;
}

export interface RunOptions {
  settings: WatchSettings;
  /** Check removed sources too (to notice one coming back). */
  includeRemoved?: boolean;
  /** Only these sources (the tests', or an editor's chosen few). */
  sourceIds?: string[];
  /** The clock checks are stamped with; the tests move it. */
  now?: () => Date;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunSummary {
  runId: number;
  total: number;
  counts: Record<CheckOutcome, number>;
  results: CheckResult[];
  durationMs: number;
}

/** The sources a run checks: live and unknown ones with an address (removed ones too when asked), in id order. */
export async function listSourcesToCheck(options: { includeRemoved?: boolean; sourceIds?: string[] } = {}): Promise<CheckedSource[]> {
  const availabilities: Availability[] = options.includeRemoved ? ['live', 'unknown', 'removed'] : ['live', 'unknown'];
  const sources = await db.source.findMany({
    where: { deletedAt: null, url: { not: null }, availability: { in: availabilities }, ...(options.sourceIds ? { id: { in: options.sourceIds } } : {}) },
    select: { id: true, url: true, availability: true, archiveUrl: true },
    orderBy: { id: 'asc' },
  });
  return sources.flatMap((source) => (source.url ? [{ ...source, url: source.url, availability: source.availability as Availability }] : []));
}

const hostOf = (address: string) => {
  try {
    return new URL(address).hostname.toLowerCase();
  } catch {
    return address;
  }
};

/**
 * One run of the source check: every source fetched with at most
 * `concurrency` requests at once and `perHost` per host, each within the
 * timeout, and every check kept as it finishes (an interrupted run keeps what
 * it did). The longest a run takes is about ceil(sources / concurrency) ×
 * timeout — more when one host holds most sources, as perHost then limits.
 */
export async function runSourceCheck(options: RunOptions): Promise<RunSummary> {
  const { settings } = options;
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const sources = await listSourcesToCheck(options);
  const run = await db.sourceCheckRun.create({ data: { startedAt: now() } });
  const counts: Record<CheckOutcome, number> = { reachable: 0, gone: 0, failing: 0, changed: 0 };
  const results: CheckResult[] = [];
  const all = pLimit(settings.concurrency);
  const hosts = new Map<string, LimitFunction>();
  const hostLimit = (address: string) => {
    const host = hostOf(address);
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(settings.perHost)));
    return limit;
  };
  const archive = { timeoutMs: settings.fetch.timeoutMs, userAgent: settings.fetch.userAgent };

  const checkOne = async (source: CheckedSource): Promise<void> => {
    const previous = await db.sourceWatch.findUnique({ where: { sourceId: source.id } });
    const page = await fetchPage(source.url, settings.fetch);
    const finding = classifyFetch(page, { fingerprint: previous?.fingerprint ?? null, acceptedFinalUrl: previous?.acceptedFinalUrl ?? null });
    const checkedAt = now();
    const wantsSnapshot = (finding.outcome === 'gone' || source.availability === 'removed') && !source.archiveUrl && !previous?.archiveSnapshotUrl;
    const snapshotUrl =
      wantsSnapshot && settings.archiveAvailabilityUrl
        ? await findSnapshotBefore(settings.archiveAvailabilityUrl, source.url, previous?.goneSince ?? checkedAt, archive)
        : null;
    if (!previous && settings.archiveSaveUrl && finding.outcome === 'reachable') await requestSnapshot(settings.archiveSaveUrl, source.url, archive);
    const recorded = await recordCheck(source, page, finding, { runId: run.id, now: checkedAt, rule: settings, snapshotUrl });
    counts[finding.outcome]++;
    const result: CheckResult = {
      sourceId: source.id,
      url: source.url,
      outcome: finding.outcome,
      detail: finding.detail,
      status: page.status,
      durationMs: page.durationMs,
      transition: recorded.transition,
      availability: recorded.availability,
    };
    results.push(result);
    options.onProgress?.({ done: results.length, total: sources.length, counts: { ...counts }, last: result });
  };

  try {
    await Promise.all(sources.map((source) => hostLimit(source.url)(() => all(() => checkOne(source)))));
  } finally {
    await db.sourceCheckRun.update({
      where: { id: run.id },
      data: { finishedAt: now(), checked: results.length, gone: counts.gone, failing: counts.failing, changed: counts.changed },
    });
  }
  return { runId: run.id, total: sources.length, counts, results, durationMs: Date.now() - started };
}
