// Runs only the test cluster's smoke tests, with only the cluster's global setup:
//   npx vitest run -c tools/testcluster/vitest.smoke.config.ts
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ["tests/integration/testcluster/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/setup/cluster.global.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
