/**
 * Runs the Prisma CLI offline. Prisma downloads engine binaries at first use from a host that
 * may be unreachable; Slipway needs none of them (the client uses the query compiler and
 * migrations use the WebAssembly schema engine, see prisma.config.ts). `prisma generate` only
 * checks that a query engine file exists, so it is pointed at a file that does.
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const generatedClient = path.join(root, "server", "generated", "prisma", "client.ts");
const schema = path.join(root, "prisma", "schema.prisma");

export function prismaEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? schema,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...extra,
  };
}

export function runPrisma(args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin, args, { cwd: root, env: prismaEnv(extraEnv), stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} exited with code ${code}`)),
    );
  });
}

/** Generates the Prisma client when it is missing or older than the schema. */
export async function ensurePrismaClient(): Promise<void> {
  if (existsSync(generatedClient) && statSync(generatedClient).mtimeMs >= statSync(schema).mtimeMs) return;
  await runPrisma(["generate"]);
}

export function migrateDeploy(databaseUrl: string): Promise<void> {
  return runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
}
