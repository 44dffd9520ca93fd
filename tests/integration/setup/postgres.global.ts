/**
 * A real PostgreSQL for the integration suite. `npm test` starts one per run and passes
 * DATABASE_URL; when the suite runs alone (npx vitest --project integration) a fresh embedded
 * server is started here instead. Either way, migrations are applied by Prisma first.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { LocalPostgres } from "../../../scripts/lib/embedded-postgres";
import { ensurePrismaClient, migrateDeploy } from "../../../scripts/lib/prisma-cli";

let server: LocalPostgres | undefined;

export default async function setup(_project: TestProject) {
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.SLIPWAY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  if (!process.env.DATABASE_URL) {
    // Imported only when needed: embedded-postgres installs an exit hook (async-exit-hook) that
    // ends the process with code 0 on "beforeExit", which would hide vitest's failure exit code.
    const { startEmbeddedPostgres } = await import("../../../scripts/lib/embedded-postgres");
    server = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/test/postgres-vitest"),
      port: 55000 + Math.floor(Math.random() * 1000),
      password: "test",
      database: "slipway_test",
      fresh: true,
    });
    process.env.DATABASE_URL = server.url;
    await ensurePrismaClient();
    await migrateDeploy(server.url);
  }
  return async () => {
    await server?.stop();
  };
}
