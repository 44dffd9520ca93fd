/**
 * Registry credentials for buildah and skopeo, as an auth.json (`--authfile`) written 0600 into a
 * private directory: passing them with --creds would show the password in `ps`.
 */
import { writeSecretFile } from "./private-dir";

export interface RegistryAuth {
  /** Registry host[:port], as in image references ("ghcr.io", "127.0.0.1:5055"). */
  registry: string;
  username: string;
  password: string;
}

/** Writes an auth.json for `auths` into `privateDir`; returns its path and the strings to redact. */
export async function writeAuthFile(privateDir: string, auths: RegistryAuth[]): Promise<{ file: string; secrets: string[] }> {
  const entries: Record<string, { auth: string }> = {};
  const secrets: string[] = [];
  for (const { registry, username, password } of auths) {
    const auth = Buffer.from(`${username}:${password}`).toString("base64");
    entries[registry.toLowerCase()] = { auth };
    secrets.push(password, auth);
  }
  const file = await writeSecretFile(privateDir, "auth.json", JSON.stringify({ auths: entries }));
  return { file, secrets };
}
