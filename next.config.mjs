/** @type {import('next').NextConfig} */
const nextConfig = {
  // The native SQLite driver and Prisma's generated client run in Node, unbundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3'],
  poweredByHeader: false,
};

export default nextConfig;
