import "server-only";
import type { GitAuth } from "@/server/build/git-auth";
import { decryptSecret } from "@/server/crypto";

interface StoredSource {
  authKind: "NONE" | "TOKEN" | "SSH_KEY";
  tokenUsername: string | null;
  tokenEncrypted: string | null;
  deployKeyPrivateEncrypted: string | null;
}

/** The credentials git needs for an app's repository, decrypted only for the call that uses them. */
export function gitAuthForSource(source: StoredSource): GitAuth {
  if (source.authKind === "TOKEN" && source.tokenEncrypted) {
    return { type: "token", token: decryptSecret(source.tokenEncrypted), username: source.tokenUsername ?? undefined };
  }
  if (source.authKind === "SSH_KEY" && source.deployKeyPrivateEncrypted) {
    return { type: "ssh-key", privateKey: decryptSecret(source.deployKeyPrivateEncrypted) };
  }
  return { type: "none" };
}
