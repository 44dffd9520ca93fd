import "server-only";
import { db } from "@/server/db";
import { conflict, isUniqueViolation } from "@/server/errors";
import { hashPassword } from "@/server/accounts/password";

/** Creates an account with e-mail and password. Input is validated by the caller's schema. */
export async function signUp({ email, name, password }: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("An account with this e-mail already exists. Sign in instead, or use another address.", "email");
    }
    throw error;
  }
}
