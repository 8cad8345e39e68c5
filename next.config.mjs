/** @type {import('next').NextConfig} */
const nextConfig = {
  // The native SQLite driver and Prisma's generated client run in Node, unbundled.
  // edtf's parser (nearley) loses its CommonJS default export when bundled, so Node loads it as is.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'edtf'],
  poweredByHeader: false,
  // forbidden() answers a too-low role with a real 403 page (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default nextConfig;
