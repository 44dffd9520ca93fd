import "server-only";
import pg from "pg";
import { env } from "@/server/env";

// Session locks need a connection held for as long as the lock is. Opening one per lock cost a
// connection and an authentication exchange each time (two per deploy); finished ones are kept
// here for the next lock instead. No upper bound, as before: a deploy holds its app's lock while
// it takes the apply lock, so a bounded pool full of lock holders could wait on itself.
const globalForLocks = globalThis as unknown as { slipwayLockPool?: pg.Pool };

function lockPool(): pg.Pool {
  if (!globalForLocks.slipwayLockPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: Number.POSITIVE_INFINITY, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection that drops is simply gone; the next lock opens another.
    pool.on("error", () => undefined);
    globalForLocks.slipwayLockPool = pool;
  }
  return globalForLocks.slipwayLockPool;
}

/**
 * Runs `work` holding the PostgreSQL session advisory lock `name`, across every web and worker
 * process. The lock goes away with the connection if the process dies mid-work; the connection
 * goes back for reuse only once the lock is released.
 */
export async function withAdvisoryLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const client = await lockPool().connect();
  let released = false;
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [name]);
    try {
      return await work();
    } finally {
      const result = await client.query<{ unlocked: boolean }>("SELECT pg_advisory_unlock(hashtextextended($1, 0)) AS unlocked", [name]).catch(() => undefined);
      released = result?.rows[0]?.unlocked === true;
    }
  } finally {
    // A connection that may still hold the lock is closed, never reused.
    client.release(!released);
  }
}
