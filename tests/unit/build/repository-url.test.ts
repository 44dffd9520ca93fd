import { describe, expect, it } from "vitest";
import { validateBranchName } from "@/server/build/branch-name";
import { validateRepositoryUrl } from "@/server/build/repository-url";
import { validateDockerfilePath, validateRootDirectory } from "@/server/build/repository-path";

const secure = (url: string) => validateRepositoryUrl(url, { insecureHosts: [] });

describe("repository URLs", () => {
  it.each([
    ["https://github.com/acme/web.git", { transport: "https", host: "github.com", path: "acme/web.git" }],
    ["https://gitlab.example.com:8443/group/sub/app", { transport: "https", host: "gitlab.example.com", port: 8443, path: "group/sub/app" }],
    ["ssh://git@github.com/acme/web.git", { transport: "ssh", host: "github.com", user: "git", path: "acme/web.git" }],
    ["ssh://git@git.example.com:2222/acme/web.git", { transport: "ssh", host: "git.example.com", port: 2222 }],
    ["git@github.com:acme/web.git", { transport: "ssh", host: "github.com", user: "git", path: "acme/web.git" }],
    ["  https://github.com/acme/web  ", { url: "https://github.com/acme/web" }],
  ])("accepts %s", (url, expected) => {
    expect(secure(url)).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    ["file:///etc/passwd", /file:\/\/ URLs read this server's own disk/],
    ["FILE:///srv/repo.git", /file:\/\//],
    ["/srv/git/repo.git", /looks like a path on this server/],
    ["./repo", /looks like a path on this server/],
    ["../../etc", /looks like a path on this server/],
    ["~/repo", /looks like a path on this server/],
    ["repo", /looks like a path on this server/],
    ["C:\\repos\\app", /looks like a path on this server/],
    ["ext::sh -c touch% /tmp/pwned", /spaces or control characters/],
    ["ext::ssh-evil", /Remote helper URLs like "ext::…" are not allowed/],
    ["fd::3", /Remote helper URLs like "fd::…"/],
    ["transport::https://github.com/a/b", /Remote helper URLs/],
    ["-uhttps://github.com/a/b", /cannot begin with "-"/],
    ["ssh://-oProxyCommand=touch%20x/path", /host name cannot begin with "-"/],
    ["git@-oProxyCommand=x:path", /host name cannot begin with "-"/],
    ["https://-evil.example.com/a/b", /host name cannot begin with "-"/],
    ["git@github.com:-upload-pack=x", /path cannot begin with "-"/],
    ["https://github.com/-x", /path cannot begin with "-"/],
    ["ssh://git@github.com/-x", /path cannot begin with "-"/],
    ["https://user:ghp_secret@github.com/a/b.git", /Remove the credentials from the URL/],
    ["https://ghp_secret@github.com/a/b.git", /Remove the credentials from the URL/],
    ["ssh://git:password@github.com/a/b.git", /Remove the credentials from the URL/],
    ["http://github.com/a/b.git", /Plain http:\/\/ would send your code and token unencrypted/],
    ["git://github.com/a/b.git", /git:\/\/ protocol is unauthenticated/],
    ["ftp://example.com/a.git", /"ftp:\/\/" is not a supported transport/],
    ["https://github.com", /needs the repository's path/],
    ["https://github.com/a/b.git?x=1", /Remove the "\?…" or "#…" part/],
    ["https://github.com/a b", /spaces or control characters/],
    ["https://github.com/a\nb", /spaces or control characters/],
    ["https://github.com/a\u0000b", /spaces or control characters/],
    ["", /Enter the repository's URL/],
  ])("refuses %j", (url, message) => {
    const result = secure(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("allows http:// only for hosts an administrator allowed", () => {
    expect(validateRepositoryUrl("http://127.0.0.1:9418/a.git", { insecureHosts: ["127.0.0.1"] })).toMatchObject({ ok: true, transport: "http" });
    expect(validateRepositoryUrl("http://localhost:8080/a.git", { insecureHosts: ["localhost:8080"] })).toMatchObject({ ok: true });
    expect(validateRepositoryUrl("http://localhost:8081/a.git", { insecureHosts: ["localhost:8080"] }).ok).toBe(false);
    expect(validateRepositoryUrl("http://10.0.0.1/a.git", { insecureHosts: ["127.0.0.1"] }).ok).toBe(false);
  });

  it("reads the allowlist from SLIPWAY_ALLOW_INSECURE_GIT_HOSTS", () => {
    process.env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS = "git.internal, 127.0.0.1";
    try {
      expect(validateRepositoryUrl("http://git.internal/a.git").ok).toBe(true);
      expect(validateRepositoryUrl("http://git.other/a.git").ok).toBe(false);
    } finally {
      delete process.env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS;
    }
  });
});

describe("branch names", () => {
  it.each(["main", "feature/login", "release-1.2", "v1.0", "user/ada/fix_bug", "ünïcode"])("accepts %s", (name) => {
    expect(validateBranchName(name)).toEqual({ ok: true, branch: name });
  });

  it.each([
    ["", /Enter a branch name/],
    ["-main", /cannot begin with "-"/],
    ["--upload-pack=touch", /cannot begin with "-"/],
    ["a..b", /cannot contain "\.\."/],
    ["a b", /cannot contain spaces/],
    ["a~1", /~ \^ : \? \* \[/],
    ["a^", /~ \^/],
    ["a:b", /~ \^ :/],
    ["a?", /\?/],
    ["a*", /\*/],
    ["a[b", /\[/],
    ["a\\b", /\\/],
    ["a\u0007b", /control characters/],
    ["a@{1}", /"@\{"/],
    ["@", /"@"/],
    ["/main", /begin or end with "\/"/],
    ["main/", /begin or end with "\/"/],
    ["a//b", /"\/\/"/],
    ["main.", /cannot end with "\."/],
    [".hidden", /begin with "\."/],
    ["feature/.x", /begin with "\."/],
    ["main.lock", /end with "\.lock"/],
    ["a.lock/b", /end with "\.lock"/],
    ["x".repeat(256), /at most 255 characters/],
  ])("refuses %j", (name, message) => {
    const result = validateBranchName(name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("root directory and Dockerfile path", () => {
  it("normalises what stays inside the repository", () => {
    expect(validateRootDirectory("")).toEqual({ ok: true, path: "" });
    expect(validateRootDirectory(null)).toEqual({ ok: true, path: "" });
    expect(validateRootDirectory("./services/api/")).toEqual({ ok: true, path: "services/api" });
    expect(validateRootDirectory("apps//web")).toEqual({ ok: true, path: "apps/web" });
    expect(validateDockerfilePath("")).toEqual({ ok: true, path: "Dockerfile" });
    expect(validateDockerfilePath("docker/Dockerfile.prod")).toEqual({ ok: true, path: "docker/Dockerfile.prod" });
    expect(validateDockerfilePath("weird..name/Dockerfile")).toEqual({ ok: true, path: "weird..name/Dockerfile" });
  });

  it.each([
    ["..", /cannot contain "\.\."/],
    ["../other-repo", /cannot contain "\.\."/],
    ["services/../../etc", /cannot contain "\.\."/],
    ["/etc", /remove the leading "\/"/],
    ["~/x", /remove the leading "~"/],
    ["a\u0000b", /control characters/],
    ["a\\b", /Use "\/" to separate folders/],
  ])("refuses %j as root directory and as Dockerfile path", (input, message) => {
    for (const result of [validateRootDirectory(input), validateDockerfilePath(input)]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });
});
