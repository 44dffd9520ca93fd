import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Finds or creates the Slipway user for a GitHub/OIDC sign-in. An existing account with the
 * same verified e-mail is linked, so people keep their teams whichever way they sign in.
 */
export async function linkExternalAccount(input: {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** Whether the provider vouches for the address; an unverified one never links to an existing account. */
  emailVerified: boolean;
  name: string | null | undefined;
}) {
  const existing = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (existing) return existing.user;

  const email = input.email?.trim().toLowerCase();
  if (!email) throw new AppError("BAD_INPUT", "Your identity provider did not share an e-mail address; Slipway needs one.");

  return db.$transaction(async (tx) => {
    const sameEmail = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
    if (sameEmail && !input.emailVerified) {
      throw new AppError(
        "CONFLICT",
        "An account with this e-mail already exists, and your identity provider has not verified the address. Sign in with your password instead.",
      );
    }
    const user =
      sameEmail ??
      (await tx.user.create({ data: { email, name: input.name?.trim() || email.split("@")[0]! }, select: { id: true, email: true, name: true } }));
    await tx.account.create({ data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId } });
    return user;
  });
}
