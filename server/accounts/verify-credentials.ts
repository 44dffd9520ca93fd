import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { decoyPasswordHash, verifyPassword } from "@/server/accounts/password";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "@/server/accounts/sign-in-throttle";

/**
 * Checks an e-mail and password. Repeated failures for the same address or from the same
 * client are slowed down (see sign-in-throttle.ts).
 */
export async function verifyCredentials({ email, password, ip }: { email: string; password: string; ip: string | null }) {
  const keys = [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
  await assertSignInAllowed(keys);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.passwordHash || !valid) {
    await recordSignInFailure(keys);
    throw new AppError("UNAUTHENTICATED", "Wrong e-mail or password.");
  }
  await clearSignInFailures(keys);
  return { id: user.id, email: user.email, name: user.name };
}
