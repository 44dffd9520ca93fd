import "server-only";
import { withAdvisoryLock } from "@/server/advisory-lock";

/**
 * Serializes the moments an app's objects are applied (a deploy's apply, a scaling change),
 * across every web and worker process, on a PostgreSQL advisory lock (see withAdvisoryLock).
 * Short: held for one apply, not for a rollout (that is withAppLock's job). Whoever applies
 * reads the app's scaling inside the lock, so the last saved scaling always wins.
 */
export function withApplyLock<T>(appId: string, work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(`slipway:apply:${appId}`, work);
}
