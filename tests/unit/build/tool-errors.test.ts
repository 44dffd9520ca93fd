import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildahErrorFromOutput } from "@/server/build/buildah-error";
import { prepareGitAuth } from "@/server/build/git-auth";
import { gitErrorFromOutput } from "@/server/build/git-error";
import { parseLsRemote } from "@/server/build/list-remote-branches";
import { registryErrorFromOutput } from "@/server/build/registry-error";
import { validateRepositoryUrl } from "@/server/build/repository-url";

const context = { url: "https://git.example.com/acme/web.git", auth: "none" as const };

describe("git's messages, in words", () => {
  it.each([
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", "auth_failed"],
    ["remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.com/a/b.git/'", "auth_failed"],
    ["git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.", "auth_failed"],
    ["remote: Repository not found.\nfatal: repository 'https://github.com/a/b.git/' not found", "repository_not_found"],
    ["fatal: 'x' does not appear to be a git repository", "repository_not_found"],
    ["fatal: unable to access 'https://nope.invalid/': Could not resolve host: nope.invalid", "host_unreachable"],
    ["ssh: connect to host git.example.com port 22: Connection refused", "host_unreachable"],
    ["fatal: unable to access 'https://x/': The requested URL returned error: 503", "host_unreachable"],
    ["fatal: unable to access 'https://x/': SSL certificate problem: self-signed certificate", "host_unreachable"],
    ["fatal: couldn't find remote ref refs/heads/nope", "branch_not_found"],
    ["fatal: something unusual", "git_failed"],
  ])("%s → %s", (stderr, code) => {
    expect(gitErrorFromOutput(stderr, context).code).toBe(code);
  });

  it("words an auth failure for the kind of credentials used", () => {
    const stderr = "fatal: Authentication failed for 'https://git.example.com/acme/web.git/'";
    expect(gitErrorFromOutput(stderr, { ...context, auth: "token" }).message).toMatch(/refused the access token/);
    expect(gitErrorFromOutput("Permission denied (publickey).", { ...context, auth: "ssh-key" }).message).toMatch(/add the app's public key to the repository's deploy keys/);
  });

  it("reads ls-remote output with the default branch", () => {
    const sha = (c: string) => c.repeat(40);
    expect(parseLsRemote(`ref: refs/heads/trunk\tHEAD\n${sha("a")}\tHEAD\n${sha("b")}\trefs/heads/alpha\n${sha("a")}\trefs/heads/trunk\n${sha("c")}\trefs/tags/v1\n`)).toEqual({
      defaultBranch: "trunk",
      branches: [
        { name: "trunk", commit: sha("a") },
        { name: "alpha", commit: sha("b") },
      ],
    });
  });
});

describe("buildah's and skopeo's messages, in words", () => {
  it("recognises an unknown instruction, a missing base image, a failed step, a missing COPY source", () => {
    expect(buildahErrorFromOutput('STEP 2/3: FORM x\nError: building at STEP "FORM ": Build error: Unknown instruction: "FORM" &imagebuilder.Step{}', 125)).toMatchObject({
      code: "dockerfile_syntax",
      message: 'The Dockerfile has an unknown instruction "FORM".',
      detail: 'Error: building at STEP "FORM ": Build error: Unknown instruction: "FORM"',
    });
    expect(
      buildahErrorFromOutput('STEP 1/1: FROM r.test/nope:1\nError: creating build container: initializing source docker://r.test/nope:1: reading manifest 1 in r.test/nope: manifest unknown: manifest unknown', 125).message,
    ).toBe("The base image r.test/nope:1 could not be pulled: it does not exist in its registry (check the name and tag).");
    expect(buildahErrorFromOutput('STEP 1/1: FROM r.test/x:1\nError: creating build container: initializing source docker://r.test/x:1: pinging container registry r.test: Get "https://r.test/v2/": dial tcp: lookup r.test: no such host', 125).message).toMatch(/its registry could not be reached/);
    expect(buildahErrorFromOutput('Error: building at STEP "RUN make": exit status 2', 2).message).toBe('The step "RUN make" failed with exit status 2: its output is in the log above.');
    expect(buildahErrorFromOutput('Error: building at STEP "COPY missing.txt /": checking on sources under "/tmp/x": copier: stat: "/missing.txt": no such file or directory', 125).message).toMatch(/^COPY missing.txt \/ failed: a source is not in the build context/);
  });

  it("recognises registry credential and reachability problems", () => {
    expect(registryErrorFromOutput("Error: pushing image: unauthorized: authentication required", { action: "push", reference: "r.test/a/b:1" }).code).toBe("registry_auth_failed");
    expect(registryErrorFromOutput('Error: writing blob: Get "https://r.test/v2/": http: server gave HTTP response to HTTPS client', { action: "push", reference: "r.test/a/b:1" }).message).toMatch(/SLIPWAY_INSECURE_REGISTRIES/);
    expect(registryErrorFromOutput('time="x" level=fatal msg="Error parsing image name: manifest unknown"', { action: "inspect", reference: "r.test/a/b:1" }).code).toBe("inspect_failed");
    expect(registryErrorFromOutput("Error: reading manifest 1: invalid status code from registry 403 (Forbidden)", { action: "push", reference: "r.test/a/b:1" }).code).toBe("registry_auth_failed");
    // A port (or digest) that merely contains 401 or 403 is not a refusal.
    const missing = 'time="x" level=fatal msg="Error parsing image name \\"docker://127.0.0.1:40367/tests/app:1\\": reading manifest 1 in 127.0.0.1:40367/tests/app: name unknown: repository name not known to registry"';
    expect(registryErrorFromOutput(missing, { action: "inspect", reference: "127.0.0.1:40367/tests/app:1" }).code).toBe("inspect_failed");
    expect(buildahErrorFromOutput("STEP 1/1: FROM 127.0.0.1:40367/x:1\nError: creating build container: reading manifest 1 in 127.0.0.1:40367/x: manifest unknown", 125).message).not.toMatch(/refused access/);
  });
});

describe("git credentials", () => {
  const https = validateRepositoryUrl("https://git.example.com:8443/acme/web.git", { insecureHosts: [] });
  const ssh = validateRepositoryUrl("git@git.example.com:acme/web.git", { insecureHosts: [] });
  if (!https.ok || !ssh.ok) throw new Error("fixture URLs must be valid");

  it("sends a token as a header scoped to the repository's origin, through the environment", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-auth-"));
    try {
      const prepared = await prepareGitAuth({ type: "token", username: "oauth2", token: "glpat-abc123" }, https, dir);
      expect(prepared.env).toEqual({
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "http.https://git.example.com:8443/.extraHeader",
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from("oauth2:glpat-abc123").toString("base64")}`,
      });
      expect(prepared.secrets).toContain("glpat-abc123");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes a deploy key 0600 and uses it only through our own ssh command", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-auth-"));
    try {
      const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAkeymaterialkeymaterialkeymaterial\n-----END OPENSSH PRIVATE KEY-----";
      const prepared = await prepareGitAuth({ type: "ssh-key", privateKey: key }, ssh, dir);
      const file = path.join(dir, "deploy_key");
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await readFile(file, "utf8")).toBe(`${key}\n`);
      expect(prepared.env.GIT_SSH_COMMAND).toBe(
        `ssh -F /dev/null -i ${file} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=${dir}/known_hosts -o ConnectTimeout=20`,
      );
      expect(prepared.env.GIT_SSH_COMMAND).not.toContain("AAAAkeymaterial");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses credentials that do not fit the URL", async () => {
    await expect(prepareGitAuth({ type: "token", token: "x" }, ssh, "/nonexistent")).rejects.toMatchObject({ code: "auth_failed", message: expect.stringMatching(/works with an https:\/\/ URL/) });
    await expect(prepareGitAuth({ type: "ssh-key", privateKey: "k" }, https, "/nonexistent")).rejects.toMatchObject({ code: "auth_failed", message: expect.stringMatching(/works with an SSH URL/) });
  });
});
