import { LRUCache } from 'lru-cache';
import { dataVersion } from '@/lib/data-version';

/**
 * Reader data cached by the data version (lib/data-version.ts) and a key, the
 * way lib/timeline.ts caches views: an index page many readers open is read
 * from the database once per change of the data. Concurrent requests for the
 * same key share one computation; a failed one is not kept. Each named cache
 * lives on globalThis, shared by every copy of this module in the process.
 */
export function versionCache<Value>(name: string, max: number) {
  const key = Symbol.for(`ai-policy-timeline.version-cache.${name}`);
  const holder = globalThis as unknown as Record<symbol, LRUCache<string, Promise<Value>> | undefined>;
  const cache = (holder[key] ??= new LRUCache<string, Promise<Value>>({ max }));
  return async function cached(parts: unknown, compute: () => Promise<Value>): Promise<Value> {
    const id = JSON.stringify([await dataVersion(), parts]);
    const found = cache.get(id);
    if (found) return found;
    const computing = compute();
    cache.set(id, computing);
    computing.catch(() => cache.delete(id));
    return computing;
  };
}
