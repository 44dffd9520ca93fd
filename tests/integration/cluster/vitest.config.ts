// Runs only the Kubernetes adapter's tests (unit + integration) with only the test cluster's
// global setup, until the main vitest.config.ts lists tests/integration/setup/cluster.global.ts
// (its integration glob already matches these files):
//   npx vitest run -c tests/integration/cluster/vitest.config.ts
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("../../stubs/server-only.ts", import.meta.url)) };

export default defineConfig({
  root,
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit-cluster", root, include: ["tests/unit/cluster/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-cluster",
          root,
          include: ["tests/integration/cluster/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/setup/cluster.global.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
