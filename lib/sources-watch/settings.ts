import { readEnv, type Env } from '@/lib/env';
import type { FetchLimits } from '@/lib/sources-watch/fetch-page';
import type { GoneRule } from '@/lib/sources-watch/gone-rule';

export interface WatchSettings extends GoneRule {
  fetch: FetchLimits;
  concurrency: number;
  perHost: number;
  archiveAvailabilityUrl: string | null;
  archiveSaveUrl: string | null;
}

/** Redirects followed per request before the check gives up on an address. */
const MAX_REDIRECTS = 5;

/** The check says who it is and how to reach its operator; the site's public address is the default contact. */
export function defaultUserAgent(publicUrl: string | undefined): string {
  return `AIPolicyTimeline-SourceCheck/1.0 (+${publicUrl ?? 'set SOURCE_CHECK_USER_AGENT to give a contact address'})`;
}

export function watchSettings(env: Env = readEnv()): WatchSettings {
  return {
    goneAfter: env.SOURCE_CHECK_GONE_AFTER,
    goneHours: env.SOURCE_CHECK_GONE_HOURS,
    concurrency: env.SOURCE_CHECK_CONCURRENCY,
    perHost: env.SOURCE_CHECK_PER_HOST,
    archiveAvailabilityUrl: env.ARCHIVE_AVAILABILITY_URL ?? null,
    archiveSaveUrl: env.ARCHIVE_SAVE_URL ?? null,
    fetch: {
      timeoutMs: env.SOURCE_CHECK_TIMEOUT_MS,
      userAgent: env.SOURCE_CHECK_USER_AGENT ?? defaultUserAgent(env.BETTER_AUTH_URL),
      maxBodyBytes: env.SOURCE_CHECK_MAX_BYTES,
      maxRedirects: MAX_REDIRECTS,
      allowPrivate: env.SOURCE_CHECK_ALLOW_PRIVATE === 'true',
    },
  };
}
