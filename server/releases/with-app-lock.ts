import "server-only";
import { withAdvisoryLock } from "@/server/advisory-lock";

/**
 * Runs `work` holding a PostgreSQL advisory lock for the app (see withAdvisoryLock): deploys and
 * rollbacks of one app are serialized across every worker process, and the lock goes away with
 * its connection if a worker dies mid-deploy.
 */
export function withAppLock<T>(appId: string, work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(`slipway:deploy:${appId}`, work);
}
