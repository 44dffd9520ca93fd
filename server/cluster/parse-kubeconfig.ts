/**
 * Reads a kubeconfig a team pasted. A kubeconfig is code as much as data: `exec` and
 * `auth-provider` make the client run commands on Slipway's server, and path fields
 * (certificate-authority, client-certificate, client-key, token-file) make it read the server's
 * files, e.g. the server's own service-account token. Both are refused unless the operator
 * allows them; inline credentials (…-data, token, username/password) are always fine.
 *
 * The text is parsed and checked here, and client-node then loads exactly the checked data
 * (re-serialized as JSON), so no parser difference (merge keys, tags) can smuggle a field past
 * the check. client-node reads token-file while loading, so the check must come first.
 */
import { KubeConfig } from "@kubernetes/client-node";
import { parseDocument } from "yaml";
import { ClusterConfig } from "./cluster-config";
import { ClusterError } from "./cluster-error";

export interface KubeconfigPolicy {
  /** Allow `exec` credential plugins and `auth-provider` entries (SLIPWAY_ALLOW_KUBECONFIG_EXEC=1). */
  allowExec: boolean;
  /** Allow file path fields (SLIPWAY_ALLOW_KUBECONFIG_FILES=1). */
  allowFiles: boolean;
}

const MAX_KUBECONFIG_BYTES = 512 * 1024;

/** The operator's policy from the environment; both default to off. */
export function kubeconfigPolicyFromEnv(env: Record<string, string | undefined> = process.env): KubeconfigPolicy {
  return {
    allowExec: env.SLIPWAY_ALLOW_KUBECONFIG_EXEC === "1",
    allowFiles: env.SLIPWAY_ALLOW_KUBECONFIG_FILES === "1",
  };
}

const FILE_FIELDS = {
  cluster: ["certificate-authority"],
  user: ["client-certificate", "client-key", "token-file", "tokenFile"],
} as const;

/**
 * Parses and checks a kubeconfig; throws ClusterError("invalid_kubeconfig") with a sentence the
 * user can act on. Does not contact the cluster (see checkClusterConnection).
 */
export function parseKubeconfig(text: string, policy: KubeconfigPolicy = kubeconfigPolicyFromEnv()): ClusterConfig {
  const refuse = (message: string) => new ClusterError("invalid_kubeconfig", message);
  if (typeof text !== "string" || text.trim() === "") throw refuse("The kubeconfig is empty: paste the whole file, starting with apiVersion: v1.");
  if (Buffer.byteLength(text) > MAX_KUBECONFIG_BYTES) throw refuse(`The kubeconfig is larger than ${MAX_KUBECONFIG_BYTES / 1024} KiB; paste only the context Slipway should use.`);

  const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw refuse(`This kubeconfig does not parse as YAML (${first.message.split("\n")[0]}).`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw refuse(`This kubeconfig does not parse as YAML (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isRecord(data)) throw refuse("This is not a kubeconfig: expected a map with clusters, users and contexts.");
  if (data.kind !== undefined && data.kind !== "Config") throw refuse(`This is a ${String(data.kind)}, not a kubeconfig (kind: Config).`);

  const clusters = namedList(data.clusters, "clusters", "cluster", refuse);
  const users = namedList(data.users, "users", "user", refuse);
  const contexts = namedList(data.contexts, "contexts", "context", refuse);
  if (clusters.length === 0) throw refuse("This kubeconfig lists no clusters.");
  if (contexts.length === 0) throw refuse("This kubeconfig lists no contexts.");

  for (const { name, body } of clusters) {
    const server = body.server;
    if (typeof server !== "string" || server === "") throw refuse(`Cluster "${name}" has no server URL.`);
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      throw refuse(`Cluster "${name}" has a server that is not a URL: ${server}.`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw refuse(`Cluster "${name}": the server must be an https:// URL, not ${url.protocol}.`);
    if (url.protocol === "http:" && body["insecure-skip-tls-verify"] !== true) {
      throw refuse(`Cluster "${name}" uses plain http://; use https:// (or set insecure-skip-tls-verify: true if you really mean it).`);
    }
    if (!policy.allowFiles) {
      for (const field of FILE_FIELDS.cluster) {
        if (body[field] !== undefined && body[field] !== null && body[field] !== "") throw refuse(fileMessage(`cluster "${name}"`, field, `${field}-data`));
      }
    }
  }

  for (const { name, body } of users) {
    if (!policy.allowExec) {
      if (isRecord(body.exec)) {
        const command = typeof body.exec.command === "string" ? body.exec.command.split("/").pop() : "a program";
        throw refuse(
          `This kubeconfig runs a command (exec: ${command}) to get credentials for user "${name}"; Slipway only accepts inline credentials unless the operator sets SLIPWAY_ALLOW_KUBECONFIG_EXEC=1. Use a service-account token (token:) or client-certificate-data instead.`,
        );
      }
      if (body.exec !== undefined && body.exec !== null) throw refuse(`User "${name}" has an exec entry; Slipway only accepts inline credentials unless the operator sets SLIPWAY_ALLOW_KUBECONFIG_EXEC=1.`);
      if (body["auth-provider"] !== undefined && body["auth-provider"] !== null) {
        const provider = isRecord(body["auth-provider"]) && typeof body["auth-provider"].name === "string" ? body["auth-provider"].name : "unknown";
        throw refuse(
          `This kubeconfig uses an auth-provider (${provider}) for user "${name}", which can run commands and read files on Slipway's server; Slipway only accepts inline credentials unless the operator sets SLIPWAY_ALLOW_KUBECONFIG_EXEC=1. Use a service-account token (token:) instead.`,
        );
      }
    }
    if (!policy.allowFiles) {
      for (const field of FILE_FIELDS.user) {
        if (body[field] !== undefined && body[field] !== null && body[field] !== "") {
          throw refuse(fileMessage(`user "${name}"`, field, field.startsWith("token") ? "token" : `${field}-data`));
        }
      }
    }
  }

  const currentName = typeof data["current-context"] === "string" && data["current-context"] !== "" ? data["current-context"] : contexts.length === 1 ? contexts[0]!.name : undefined;
  if (!currentName) throw refuse("This kubeconfig has several contexts and no current-context; set current-context to the one Slipway should use.");
  const current = contexts.find((context) => context.name === currentName);
  if (!current) throw refuse(`current-context is "${currentName}", but no context has that name.`);
  const clusterName = current.body.cluster;
  if (typeof clusterName !== "string" || !clusters.some((cluster) => cluster.name === clusterName)) {
    throw refuse(`Context "${currentName}" names cluster "${String(clusterName)}", which is not in the clusters list.`);
  }
  const userName = current.body.user;
  if (userName !== undefined && (typeof userName !== "string" || !users.some((user) => user.name === userName))) {
    throw refuse(`Context "${currentName}" names user "${String(userName)}", which is not in the users list.`);
  }

  const kubeConfig = new KubeConfig();
  try {
    // JSON is YAML: client-node's parser sees exactly the data checked above.
    kubeConfig.loadFromString(JSON.stringify({ ...data, "current-context": currentName }));
  } catch (error) {
    throw refuse(`This kubeconfig could not be loaded: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return new ClusterConfig(kubeConfig, "kubeconfig");
}

function fileMessage(where: string, field: string, inline: string): string {
  return `This kubeconfig reads a file on Slipway's server (${field} of ${where}); Slipway only accepts inline data unless the operator sets SLIPWAY_ALLOW_KUBECONFIG_FILES=1. Use ${inline} with the file's content instead (kubectl config view --raw --flatten does that).`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function namedList(value: unknown, list: string, key: string, refuse: (message: string) => ClusterError) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw refuse(`"${list}" must be a list.`);
  const seen = new Set<string>();
  return value.map((entry, index) => {
    if (!isRecord(entry) || typeof entry.name !== "string" || entry.name === "") throw refuse(`${list}[${index}] has no name.`);
    if (seen.has(entry.name)) throw refuse(`${list} has two entries named "${entry.name}".`);
    seen.add(entry.name);
    const body = entry[key] ?? {};
    if (!isRecord(body)) throw refuse(`${list}[${index}].${key} must be a map.`);
    return { name: entry.name, body };
  });
}
