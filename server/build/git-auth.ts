/**
 * Turns an app's git credentials into what git needs — environment variables and private files,
 * never argv (visible in `ps`) and never the URL (printed by git in its messages):
 * - an access token becomes an HTTP Authorization header through GIT_CONFIG_COUNT/KEY/VALUE,
 *   scoped to the repository's origin so a redirect elsewhere does not carry it;
 * - a deploy key is written 0600 into a private directory and used through GIT_SSH_COMMAND,
 *   which is built only from our own paths, with a known_hosts file of its own.
 */
import path from "node:path";
import { BuildError } from "./build-error";
import { writeSecretFile } from "./private-dir";
import type { RepositoryUrlResult } from "./repository-url";

export type GitAuth =
  | { type: "none" }
  /** HTTPS access token. `username` defaults to "x-access-token" (GitHub); GitLab accepts "oauth2". */
  | { type: "token"; token: string; username?: string }
  /** SSH deploy key (OpenSSH private key). `knownHosts` pins the host key; otherwise it is accepted on first use. */
  | { type: "ssh-key"; privateKey: string; knownHosts?: string };

export interface PreparedGitAuth {
  env: Record<string, string>;
  /** Strings to redact from anything git prints. */
  secrets: string[];
}

type ValidRepository = Extract<RepositoryUrlResult, { ok: true }>;

const SAFE_PATH = /^[A-Za-z0-9._/-]+$/;

/** Prepares `auth` for `repository`; files go into `privateDir`, which the caller removes. */
export async function prepareGitAuth(auth: GitAuth, repository: ValidRepository, privateDir: string): Promise<PreparedGitAuth> {
  const knownHosts = path.join(privateDir, "known_hosts");
  // Even without a key, an ssh:// URL must not read ~/.ssh or prompt.
  const sshCommand = (identity?: string) => {
    for (const file of [knownHosts, identity]) {
      // GIT_SSH_COMMAND goes through a shell: only paths we created, with plain characters, go in it.
      if (file !== undefined && !SAFE_PATH.test(file)) throw new Error(`Unexpected characters in temporary path ${file}`);
    }
    return [
      "ssh",
      "-F", "/dev/null",
      ...(identity ? ["-i", identity, "-o", "IdentitiesOnly=yes"] : []),
      "-o", "BatchMode=yes",
      "-o", "StrictHostKeyChecking=accept-new",
      "-o", `UserKnownHostsFile=${knownHosts}`,
      "-o", "ConnectTimeout=20",
    ].join(" ");
  };

  switch (auth.type) {
    case "none":
      return { env: repository.transport === "ssh" ? { GIT_SSH_COMMAND: sshCommand(), GIT_SSH_VARIANT: "ssh" } : {}, secrets: [] };

    case "token": {
      if (repository.transport === "ssh") {
        throw new BuildError(
          "auth_failed",
          "An access token works with an https:// URL. For an SSH URL, use the deploy key Slipway generated for this app.",
        );
      }
      const token = auth.token.trim();
      const username = auth.username?.trim() || "x-access-token";
      if (token === "" || /[\r\n]/.test(token) || /[\r\n:]/.test(username)) {
        throw new BuildError("auth_failed", "The access token is empty or contains line breaks: paste it again.");
      }
      const basic = Buffer.from(`${username}:${token}`).toString("base64");
      const origin = `${repository.transport}://${repository.host}${repository.port ? `:${repository.port}` : ""}/`;
      return {
        env: {
          GIT_CONFIG_COUNT: "1",
          GIT_CONFIG_KEY_0: `http.${origin}.extraHeader`,
          GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
        },
        secrets: [token, basic, `${username}:${token}`],
      };
    }

    case "ssh-key": {
      if (repository.transport !== "ssh") {
        throw new BuildError(
          "auth_failed",
          "A deploy key works with an SSH URL (git@host:team/repo.git). For an https:// URL, use an access token.",
        );
      }
      const key = auth.privateKey.replace(/\r\n/g, "\n").trim() + "\n";
      const identity = await writeSecretFile(privateDir, "deploy_key", key);
      if (auth.knownHosts) await writeSecretFile(privateDir, "known_hosts", auth.knownHosts.trim() + "\n");
      return { env: { GIT_SSH_COMMAND: sshCommand(identity), GIT_SSH_VARIANT: "ssh" }, secrets: [key.trim()] };
    }
  }
}
