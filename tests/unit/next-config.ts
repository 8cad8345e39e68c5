import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';

/** next.config.mjs is plain JavaScript; tests load it as the server does. */
export async function loadNextConfig(): Promise<NextConfig> {
  const loaded = (await import(pathToFileURL(path.resolve('next.config.mjs')).href)) as { default: NextConfig };
  return loaded.default;
}
