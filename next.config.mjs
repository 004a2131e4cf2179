/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own directory so they never disturb a running app's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The server's modules (database, Socket.IO) are never bundled into pages.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino"],
};

export default nextConfig;
