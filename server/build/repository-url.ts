/**
 * Validates the repository URL a user pastes into an app's settings. The URL is handed to git,
 * which understands far more than "a git host": local paths, file://, and remote helpers such as
 * ext:: that run arbitrary commands. So only what a git host serves is accepted — https:// (http://
 * only for hosts an administrator allows), ssh://, and the scp-like git@host:path — and anything
 * that git could read as an option (a leading "-") is refused before git ever sees it.
 */
import { buildConfig } from "./build-config";

export type RepositoryTransport = "https" | "http" | "ssh";

export type RepositoryUrlResult =
  | {
      ok: true;
      /** The URL to give git, trimmed; never contains credentials. */
      url: string;
      transport: RepositoryTransport;
      host: string;
      port?: number;
      path: string;
      user?: string;
    }
  | { ok: false; message: string };

const MAX_LENGTH = 2048;
const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
const HOSTNAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const SSH_USER = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
// scp-like syntax: user@host:path, recognised by git when a colon comes before any slash.
const SCP_LIKE = /^([^@/:]+)@(\[[^\]]*\]|[^/:]+):(.*)$/;

const HTTPS_EXAMPLE = "https://github.com/team/repo.git";
const SSH_EXAMPLE = "git@github.com:team/repo.git";

export function validateRepositoryUrl(
  input: string,
  options: { insecureHosts?: string[] } = {},
): RepositoryUrlResult {
  const url = input.trim();
  const fail = (message: string): RepositoryUrlResult => ({ ok: false, message });

  if (url === "") return fail(`Enter the repository's URL, like ${HTTPS_EXAMPLE} or ${SSH_EXAMPLE}.`);
  if (url.length > MAX_LENGTH) return fail(`A repository URL has at most ${MAX_LENGTH} characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) {
    return fail("The URL contains spaces or control characters: paste the clone URL exactly as the git host shows it.");
  }
  if (url.startsWith("-")) return fail("A repository URL cannot begin with \"-\".");
  // git's remote helpers ("ext::sh -c …", "fd::3") run commands or read file descriptors.
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(url)) {
    return fail(`Remote helper URLs like "${url.split("::")[0]}::…" are not allowed: use an https:// or ssh:// URL.`);
  }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return validateScpLike(url);

  switch (scheme) {
    case "https":
    case "http":
    case "ssh":
      return validateWithScheme(url, scheme, options.insecureHosts ?? buildConfig().insecureGitHosts);
    case "file":
      return fail("file:// URLs read this server's own disk and are not allowed: use the URL of a git host.");
    case "git":
      return fail(`The git:// protocol is unauthenticated and unencrypted: use ${HTTPS_EXAMPLE} or ${SSH_EXAMPLE} instead.`);
    default:
      return fail(`"${scheme}://" is not a supported transport: use an https:// URL or an SSH URL like ${SSH_EXAMPLE}.`);
  }
}

function validateWithScheme(url: string, scheme: RepositoryTransport, insecureHosts: string[]): RepositoryUrlResult {
  const fail = (message: string): RepositoryUrlResult => ({ ok: false, message });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`That URL could not be read: check it against the clone URL your git host shows, like ${HTTPS_EXAMPLE}.`);
  }
  if (parsed.password !== "" || (scheme !== "ssh" && parsed.username !== "")) {
    return fail(
      "Remove the credentials from the URL and put the token in the access token field: URLs are shown and logged, the token is stored encrypted.",
    );
  }
  if (parsed.search !== "" || parsed.hash !== "" || url.includes("#") || url.includes("?")) {
    return fail("Remove the \"?…\" or \"#…\" part: use the repository's plain clone URL.");
  }

  const host = parsed.hostname;
  const hostError = checkHost(host);
  if (hostError) return fail(hostError);

  const user = parsed.username === "" ? undefined : decodeURIComponent(parsed.username);
  if (user !== undefined && !SSH_USER.test(user)) return fail(`"${user}" is not a valid SSH user name.`);

  const path = decodeURIComponent(parsed.pathname).replace(/^\//, "");
  const pathError = checkPath(path);
  if (pathError) return fail(pathError);

  if (scheme === "http") {
    const hostPort = parsed.port ? `${host}:${parsed.port}` : host;
    const allowed = insecureHosts.map((h) => h.toLowerCase());
    if (!allowed.includes(host.toLowerCase()) && !allowed.includes(hostPort.toLowerCase())) {
      return fail(
        "Plain http:// would send your code and token unencrypted: use https://. (An administrator can allow http for a host with SLIPWAY_ALLOW_INSECURE_GIT_HOSTS.)",
      );
    }
  }

  return {
    ok: true,
    url,
    transport: scheme,
    host,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    path,
    ...(user ? { user } : {}),
  };
}

function validateScpLike(url: string): RepositoryUrlResult {
  const fail = (message: string): RepositoryUrlResult => ({ ok: false, message });
  const match = SCP_LIKE.exec(url);
  if (!match) {
    if (/^(\/|\.|~|[A-Za-z]:[\\/])/.test(url) || !url.includes(":")) {
      return fail(
        `That looks like a path on this server, not a repository on a git host: use a URL like ${HTTPS_EXAMPLE} or ${SSH_EXAMPLE}.`,
      );
    }
    return fail(`Use an https:// URL like ${HTTPS_EXAMPLE}, or an SSH URL like ${SSH_EXAMPLE}.`);
  }
  const [, user = "", host = "", path = ""] = match;
  if (user.startsWith("-") || !SSH_USER.test(user)) return fail(`"${user}" is not a valid SSH user name.`);
  const hostError = checkHost(host);
  if (hostError) return fail(hostError);
  const pathError = checkPath(path.replace(/^\//, ""));
  if (pathError) return fail(pathError);
  return { ok: true, url, transport: "ssh", host, path, user };
}

function checkHost(host: string): string | undefined {
  if (host === "") return `The URL has no host name: use a URL like ${HTTPS_EXAMPLE}.`;
  if (host.startsWith("-")) return "A host name cannot begin with \"-\".";
  if (!HOSTNAME.test(host) && !IPV6.test(host)) return `"${host}" is not a valid host name.`;
  return undefined;
}

function checkPath(path: string): string | undefined {
  if (path === "" || path === "/") return `The URL needs the repository's path, like ${HTTPS_EXAMPLE}.`;
  if (path.startsWith("-")) return "The repository path cannot begin with \"-\".";
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(path)) return "The repository path contains spaces or control characters.";
  return undefined;
}
