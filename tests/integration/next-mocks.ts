import { vi } from 'vitest';

/**
 * Server actions run outside Next.js here: next/headers serves the headers of
 * the simulated request (see tests/integration/requests.ts), next/cache records
 * revalidations, and next/navigation's redirect/notFound/forbidden throw a
 * signal the test can read.
 */
export const requestContext: { headers: Headers; revalidated: string[] } = { headers: new Headers(), revalidated: [] };

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

vi.mock('next/cache', () => ({
  revalidatePath: (path: string) => {
    requestContext.revalidated.push(path);
  },
  revalidateTag: () => undefined,
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
