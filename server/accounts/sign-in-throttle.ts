import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

// The first few mistakes are free; after that each failure doubles the wait, up to 15 minutes.
const FREE_FAILURES = 4;
const MAX_LOCK_SECONDS = 15 * 60;

export function lockSecondsAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
}

/** Refuses a sign-in attempt while any of its keys (e-mail, client address) is locked. */
export async function assertSignInAllowed(keys: string[]): Promise<void> {
  const locked = await db.signInThrottle.findFirst({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    orderBy: { lockedUntil: "desc" },
  });
  if (locked?.lockedUntil) {
    const seconds = Math.ceil((locked.lockedUntil.getTime() - Date.now()) / 1000);
    throw new AppError("TOO_MANY_REQUESTS", `Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`);
  }
}

export async function recordSignInFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1 },
      update: { failures: { increment: 1 } },
    });
    const seconds = lockSecondsAfter(row.failures);
    if (seconds > 0) {
      await db.signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() + seconds * 1000) } });
    }
  }
}

export async function clearSignInFailures(keys: string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}
