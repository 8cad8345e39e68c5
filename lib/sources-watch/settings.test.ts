import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { watchSettings } from '@/lib/sources-watch/settings';

/** An environment of only these variables (the process's own would leak into the defaults). */
const envOf = (variables: Record<string, string>) => readEnv({ NODE_ENV: 'test', ...variables });

describe('the source check settings', () => {
  it('default to 3 gone checks over 48 hours, no archive, no private addresses, and a User-Agent with the site as contact', () => {
    const settings = watchSettings(envOf({ BETTER_AUTH_URL: 'https://timeline.example.org' }));
    expect(settings).toMatchObject({ goneAfter: 3, goneHours: 48, concurrency: 8, perHost: 2, archiveAvailabilityUrl: null, archiveSaveUrl: null });
    expect(settings.fetch).toMatchObject({ timeoutMs: 15_000, allowPrivate: false, maxBodyBytes: 2 * 1024 * 1024 });
    expect(settings.fetch.userAgent).toBe('AIPolicyTimeline-SourceCheck/1.0 (+https://timeline.example.org)');
  });

  it('read every variable the README lists', () => {
    const settings = watchSettings(
      envOf({
        SOURCE_CHECK_GONE_AFTER: '5',
        SOURCE_CHECK_GONE_HOURS: '12.5',
        SOURCE_CHECK_TIMEOUT_MS: '2500',
        SOURCE_CHECK_CONCURRENCY: '16',
        SOURCE_CHECK_PER_HOST: '4',
        SOURCE_CHECK_MAX_BYTES: '65536',
        SOURCE_CHECK_USER_AGENT: 'Bot/2 (+mailto:editors@example.org)',
        SOURCE_CHECK_ALLOW_PRIVATE: 'true',
        ARCHIVE_AVAILABILITY_URL: 'https://archive.org/wayback/available',
        ARCHIVE_SAVE_URL: 'https://web.archive.org/save/',
      }),
    );
    expect(settings).toMatchObject({
      goneAfter: 5,
      goneHours: 12.5,
      concurrency: 16,
      perHost: 4,
      archiveAvailabilityUrl: 'https://archive.org/wayback/available',
      archiveSaveUrl: 'https://web.archive.org/save/',
      fetch: { timeoutMs: 2500, maxBodyBytes: 65536, userAgent: 'Bot/2 (+mailto:editors@example.org)', allowPrivate: true },
    });
  });

  it('refuse nonsense with the variable named, rather than checking with it', () => {
    expect(() => envOf({ SOURCE_CHECK_GONE_AFTER: '0' })).toThrow(/SOURCE_CHECK_GONE_AFTER/);
    expect(() => envOf({ SOURCE_CHECK_CONCURRENCY: 'many' })).toThrow(/SOURCE_CHECK_CONCURRENCY/);
    expect(() => envOf({ SOURCE_CHECK_ALLOW_PRIVATE: 'yes' })).toThrow(/SOURCE_CHECK_ALLOW_PRIVATE/);
    expect(() => envOf({ ARCHIVE_AVAILABILITY_URL: 'archive.org' })).toThrow(/ARCHIVE_AVAILABILITY_URL/);
  });
});
