import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env";

export type { Prisma } from "@/server/generated/prisma/client";

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }) });
}

// One client per process: Next's dev server reloads modules, which would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { slipwayPrisma?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.slipwayPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.slipwayPrisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.slipwayPrisma) : value;
  },
});

/** A transaction client, for domain functions that compose inside one transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
