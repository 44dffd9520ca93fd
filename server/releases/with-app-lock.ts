import "server-only";
import pg from "pg";
import { env } from "@/server/env";

/**
 * Runs `work` holding a PostgreSQL advisory lock for the app, on a connection of its own: deploys
 * and rollbacks of one app are serialized across every worker process, and the lock goes away
 * with the connection if a worker dies mid-deploy.
 */
export async function withAppLock<T>(appId: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`slipway:deploy:${appId}`]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
