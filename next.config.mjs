/** @type {import('next').NextConfig} */
const nextConfig = {
  // The native SQLite driver and Prisma's generated client run in Node, unbundled.
  // edtf's parser (nearley) loses its CommonJS default export when bundled, so Node loads it as is.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'edtf'],
  poweredByHeader: false,
  // A second build folder lets a benchmark or a manual check run beside the browser tests' build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The import upload bypasses the proxy that sets every other response's security headers (proxy.ts),
  // so its answers get the ones that matter for a JSON/NDJSON response here (kept equal to
  // lib/security-headers.ts by lib/security-headers.test.ts).
  async headers() {
    return [
      {
        source: '/api/import',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
  // forbidden() answers a too-low role with a real 403 page (app/forbidden.tsx).
  experimental: {
    authInterrupts: true,
    // Every server action takes at most 4 MB: the largest legitimate event form (50 rows each of actors,
    // citations and relations, every field full of 3-byte characters) is about 0.75 MB, and with JavaScript
    // the form's previous state travels with it (about 1.5 MB in all; lib/action-body-limit.test.ts).
    // Imports go to the route handler POST /api/import, which streams the upload against its own cap.
    serverActions: { bodySizeLimit: '4mb' },
    // The proxy buffers request bodies up to this size before any route runs (and cuts them there); a
    // little above the actions' limit, so an oversize action still gets Next's own "body exceeded" answer.
    // The import upload does not pass through the proxy (see its matcher in proxy.ts).
    proxyClientMaxBodySize: '5mb',
  },
};

export default nextConfig;
