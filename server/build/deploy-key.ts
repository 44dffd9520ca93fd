/**
 * Generates an app's SSH deploy key (ed25519) with OpenSSH's own ssh-keygen, in a private
 * directory that is removed at once: the private key only ever exists on disk for the
 * milliseconds ssh-keygen needs, and is returned to be stored encrypted.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "./build-error";
import { withPrivateDir } from "./private-dir";
import { runProcess } from "./run-process";

export interface DeployKey {
  /** One line to paste into the git host: "ssh-ed25519 AAAA… slipway-<app>". */
  publicKey: string;
  /** OpenSSH private key ("-----BEGIN OPENSSH PRIVATE KEY-----…"). */
  privateKey: string;
  /** "SHA256:…", as git hosts show it next to a deploy key. */
  fingerprint: string;
}

export async function generateDeployKey(appName: string): Promise<DeployKey> {
  // The comment is shown by git hosts; keep it to characters that need no escaping anywhere.
  const comment = `slipway-${appName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, 60)}`;
  return withPrivateDir("key", async (dir) => {
    const file = path.join(dir, "id_ed25519");
    const result = await runProcess("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file]);
    if (result.exitCode !== 0) {
      throw new BuildError("tool_missing", `ssh-keygen could not create a deploy key: ${result.stderr.trim() || "no message"}`);
    }
    const [privateKey, publicKey] = await Promise.all([readFile(file, "utf8"), readFile(`${file}.pub`, "utf8")]);
    return { publicKey: publicKey.trim(), privateKey, fingerprint: fingerprintOf(publicKey) };
  });
}

/** SHA-256 fingerprint of an OpenSSH public key line, in ssh-keygen's format. */
export function fingerprintOf(publicKey: string): string {
  const blob = publicKey.trim().split(/\s+/)[1] ?? "";
  const digest = createHash("sha256").update(Buffer.from(blob, "base64")).digest("base64").replace(/=+$/, "");
  return `SHA256:${digest}`;
}
