import { vi } from 'vitest';
import { signalledChanges } from '@/lib/data-version';

/**
 * Server actions run outside Next.js here: next/headers serves the headers of
 * the simulated request (see tests/integration/requests.ts), and
 * next/navigation's redirect/notFound/forbidden throw a signal the test can read.
 */
export const requestContext: { headers: Headers } = { headers: new Headers() };

/** Whether a write path told the caches that data changed (lib/data-version.ts): mark, act, then read. */
export const dataChanges = {
  at: 0,
  mark(): void {
    this.at = signalledChanges();
  },
  since(): number {
    return signalledChanges() - this.at;
  },
};

export class NavigationSignal extends Error {
  constructor(
    readonly kind: 'redirect' | 'notFound' | 'forbidden',
    readonly url?: string,
  ) {
    super(`${kind}${url ? ` ${url}` : ''}`);
  }
}

vi.mock('next/headers', () => ({
  headers: async () => requestContext.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new NavigationSignal('redirect', url);
  },
  notFound: () => {
    throw new NavigationSignal('notFound');
  },
  forbidden: () => {
    throw new NavigationSignal('forbidden');
  },
}));
