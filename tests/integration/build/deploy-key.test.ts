/** The per-app SSH deploy key, made with the real ssh-keygen and checked with it. */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generateDeployKey } from "@/server/build/deploy-key";

const run = promisify(execFile);

describe("deploy keys", () => {
  it("are ed25519 key pairs whose public key and fingerprint are what ssh-keygen derives", async () => {
    const key = await generateDeployKey("web-api");
    expect(key.publicKey).toMatch(/^ssh-ed25519 AAAA[0-9A-Za-z+/]+=* slipway-web-api$/);
    expect(key.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/);

    const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-key-test-"));
    try {
      const file = path.join(dir, "key");
      await writeFile(file, key.privateKey, { mode: 0o600 });
      const derived = await run("ssh-keygen", ["-y", "-f", file]);
      // ssh-keygen -y may or may not repeat the comment: compare type and key.
      expect(derived.stdout.trim().split(" ").slice(0, 2)).toEqual(key.publicKey.split(" ").slice(0, 2));
      await writeFile(`${file}.pub`, `${key.publicKey}\n`);
      const listed = await run("ssh-keygen", ["-l", "-f", `${file}.pub`]);
      expect(listed.stdout).toContain(key.fingerprint);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("are different for every call and keep the comment to safe characters", async () => {
    const [a, b] = await Promise.all([generateDeployKey("Shop Front!"), generateDeployKey("shop-front")]);
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(a.publicKey.endsWith(" slipway-shop-front-")).toBe(true);
  });
});
