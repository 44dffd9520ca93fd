import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A fresh invitation token (shown once, in the link) and the hash that is stored instead. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
