import "server-only";
import pg from "pg";
import { env } from "@/server/env";

/**
 * Serializes the moments an app's objects are applied (a deploy's apply, a scaling change),
 * across every web and worker process, on a PostgreSQL advisory lock of its own connection.
 * Short: held for one apply, not for a rollout (that is withAppLock's job). Whoever applies
 * reads the app's scaling inside the lock, so the last saved scaling always wins.
 */
export async function withApplyLock<T>(appId: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`slipway:apply:${appId}`]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
