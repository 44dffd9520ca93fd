import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("./tests/stubs/server-only.ts", import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: [
            "tests/integration/setup/postgres.global.ts",
            "tests/integration/setup/registry.global.ts",
            "tests/integration/setup/cluster.global.ts",
          ],
          setupFiles: ["tests/integration/setup/worker-env.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Test files share real services (Postgres, cluster, registry); a few at a time keeps 2 cores sane.
          maxWorkers: 2,
          // Projects with different maxWorkers need their own group (vitest 4).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
