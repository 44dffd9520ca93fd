// Runs only the build engine's tests (unit + integration), until the main vitest.config.ts
// lists tests/integration/setup/registry.global.ts (its glob already matches it):
//   npx vitest run -c tests/integration/build/vitest.config.ts
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
        test: { name: "unit-build", root, include: ["tests/unit/build/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-build",
          root,
          include: ["tests/integration/build/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/setup/registry.global.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
          // Projects with different maxWorkers need their own group (vitest 4).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
