/** @type {import('next').NextConfig} */
const nextConfig = {
  // The native SQLite driver and Prisma's generated client run in Node, unbundled.
  // edtf's parser (nearley) loses its CommonJS default export when bundled, so Node loads it as is.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'edtf'],
  poweredByHeader: false,
  // A second build folder lets a benchmark or a manual check run beside the browser tests' build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // forbidden() answers a too-low role with a real 403 page (app/forbidden.tsx).
  experimental: {
    authInterrupts: true,
    // /admin/import takes dataset files up to 20 MB (lib/dataset/import-state.ts), plus the form's own bytes;
    // the proxy in front of /admin buffers request bodies up to its own limit, so both are raised.
    serverActions: { bodySizeLimit: '21mb' },
    proxyClientMaxBodySize: '21mb',
  },
};

export default nextConfig;
