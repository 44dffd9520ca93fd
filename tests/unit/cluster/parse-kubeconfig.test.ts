// A pasted kubeconfig is code as much as data: one that would run a command or read a file on
// Slipway's server is refused unless the operator allows it, and every refusal says what to
// paste instead. Nothing here contacts a cluster.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ClusterError } from "@/server/cluster/cluster-error";
import { defaultClusterConfig } from "@/server/cluster/default-cluster-config";
import { kubeconfigPolicyFromEnv, parseKubeconfig } from "@/server/cluster/parse-kubeconfig";

const strict = { allowExec: false, allowFiles: false };
const CA = Buffer.from("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").toString("base64");

function kubeconfig({ cluster = {}, user = { token: "abc" }, extra = {} }: { cluster?: object; user?: object; extra?: object } = {}) {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "prod", cluster: { server: "https://k8s.example.com:6443", "certificate-authority-data": CA, ...cluster } }],
    users: [{ name: "deployer", user }],
    contexts: [{ name: "prod", context: { cluster: "prod", user: "deployer" } }],
    "current-context": "prod",
    ...extra,
  });
}

function refusal(text: string, policy = strict): string {
  try {
    parseKubeconfig(text, policy);
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as ClusterError).code).toBe("invalid_kubeconfig");
    return (error as Error).message;
  }
  throw new Error("expected the kubeconfig to be refused");
}

describe("parseKubeconfig", () => {
  it("accepts inline credentials and says where it points", () => {
    const config = parseKubeconfig(kubeconfig(), strict);
    expect(config.toJSON()).toEqual({ server: "https://k8s.example.com:6443", context: "prod", source: "kubeconfig" });
    expect(JSON.stringify(config)).not.toContain("abc");
    expect(parseKubeconfig(kubeconfig({ user: { "client-certificate-data": CA, "client-key-data": CA } }), strict).server).toBe("https://k8s.example.com:6443");
  });

  it("refuses an exec credential plugin, naming the command", () => {
    const text = kubeconfig({ user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", "prod"] } } });
    expect(refusal(text)).toBe(
      'This kubeconfig runs a command (exec: aws) to get credentials for user "deployer"; Slipway only accepts inline credentials unless the operator sets SLIPWAY_ALLOW_KUBECONFIG_EXEC=1. Use a service-account token (token:) or client-certificate-data instead.',
    );
    expect(refusal(kubeconfig({ user: { exec: { command: "/usr/local/bin/gke-gcloud-auth-plugin" } } }))).toContain("(exec: gke-gcloud-auth-plugin)");
  });

  it("refuses an auth-provider, which can run commands and read files", () => {
    const text = kubeconfig({ user: { "auth-provider": { name: "gcp", config: { "cmd-path": "/usr/bin/gcloud", "cmd-args": "config config-helper" } } } });
    expect(refusal(text)).toContain('This kubeconfig uses an auth-provider (gcp) for user "deployer"');
    expect(refusal(text)).toContain("SLIPWAY_ALLOW_KUBECONFIG_EXEC=1");
  });

  it.each([
    [{ cluster: { "certificate-authority": "/etc/kubernetes/pki/ca.crt", "certificate-authority-data": undefined } }, "certificate-authority of cluster \"prod\"", "certificate-authority-data"],
    [{ user: { "client-certificate": "/root/.kube/client.crt", "client-key-data": CA } }, "client-certificate of user \"deployer\"", "client-certificate-data"],
    [{ user: { "client-certificate-data": CA, "client-key": "/root/.kube/client.key" } }, "client-key of user \"deployer\"", "client-key-data"],
    [{ user: { "token-file": "/var/run/secrets/kubernetes.io/serviceaccount/token" } }, "token-file of user \"deployer\"", "Use token with"],
  ])("refuses a file path %j", (parts, where, instead) => {
    const message = refusal(kubeconfig(parts));
    expect(message).toContain(`This kubeconfig reads a file on Slipway's server (${where})`);
    expect(message).toContain("SLIPWAY_ALLOW_KUBECONFIG_FILES=1");
    expect(message).toContain(instead);
  });

  it("checks every user, not only the current one", () => {
    const text = stringify({
      clusters: [{ name: "prod", cluster: { server: "https://k8s.example.com" } }],
      users: [{ name: "deployer", user: { token: "abc" } }, { name: "admin", user: { exec: { command: "kubelogin" } } }],
      contexts: [{ name: "prod", context: { cluster: "prod", user: "deployer" } }],
      "current-context": "prod",
    });
    expect(refusal(text)).toContain('(exec: kubelogin) to get credentials for user "admin"');
  });

  it("sees through YAML merge keys, so a refused field cannot hide in an anchor", () => {
    const text = [
      "defaults: &creds",
      "  token-file: /var/run/secrets/kubernetes.io/serviceaccount/token",
      "clusters:",
      "- name: prod",
      "  cluster: {server: 'https://k8s.example.com'}",
      "users:",
      "- name: deployer",
      "  user:",
      "    <<: *creds",
      "contexts:",
      "- name: prod",
      "  context: {cluster: prod, user: deployer}",
      "current-context: prod",
    ].join("\n");
    expect(refusal(text)).toContain("token-file of user");
  });

  it("accepts exec and files when the operator allows them", () => {
    const exec = kubeconfig({ user: { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "aws" } } });
    expect(parseKubeconfig(exec, { allowExec: true, allowFiles: false }).server).toBe("https://k8s.example.com:6443");
    const dir = mkdtempSync(path.join(tmpdir(), "slipway-kubeconfig-"));
    const caFile = path.join(dir, "ca.crt");
    writeFileSync(caFile, "ca");
    const files = kubeconfig({ cluster: { "certificate-authority": caFile, "certificate-authority-data": undefined } });
    expect(parseKubeconfig(files, { allowExec: false, allowFiles: true }).server).toBe("https://k8s.example.com:6443");
  });

  it("reads the policy from the environment, off by default", () => {
    expect(kubeconfigPolicyFromEnv({})).toEqual({ allowExec: false, allowFiles: false });
    expect(kubeconfigPolicyFromEnv({ SLIPWAY_ALLOW_KUBECONFIG_EXEC: "1", SLIPWAY_ALLOW_KUBECONFIG_FILES: "1" })).toEqual({ allowExec: true, allowFiles: true });
  });

  it.each([
    ["", "The kubeconfig is empty"],
    ["clusters: [unclosed", "This kubeconfig does not parse as YAML"],
    ["just text", "This is not a kubeconfig"],
    ["kind: Pod\nmetadata: {name: x}", "This is a Pod, not a kubeconfig"],
    [kubeconfig({ extra: { clusters: [] } }), "This kubeconfig lists no clusters."],
    [kubeconfig({ extra: { "current-context": "staging" } }), 'current-context is "staging", but no context has that name.'],
    [kubeconfig({ cluster: { server: "not a url" } }), 'Cluster "prod" has a server that is not a URL'],
    [kubeconfig({ cluster: { server: "http://k8s.example.com" } }), 'Cluster "prod" uses plain http://'],
    [kubeconfig({ cluster: { server: "ftp://k8s.example.com" } }), "the server must be an https:// URL"],
    [kubeconfig({ extra: { contexts: [{ name: "prod", context: { cluster: "other", user: "deployer" } }] } }), 'Context "prod" names cluster "other", which is not in the clusters list.'],
  ])("refuses %j", (text, message) => {
    expect(refusal(text)).toContain(message);
  });

  it("picks the only context when current-context is missing", () => {
    const text = kubeconfig({ extra: { "current-context": undefined } });
    expect(parseKubeconfig(text, strict).context).toBe("prod");
  });
});

describe("defaultClusterConfig", () => {
  it("loads the operator's kubeconfig from SLIPWAY_KUBECONFIG, file paths and all", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "slipway-default-"));
    const file = path.join(dir, "config");
    writeFileSync(file, kubeconfig({ user: { "token-file": path.join(dir, "token") } }));
    writeFileSync(path.join(dir, "token"), "secret-token");
    expect(defaultClusterConfig({ SLIPWAY_KUBECONFIG: file }).toJSON()).toEqual({ server: "https://k8s.example.com:6443", context: "prod", source: "file" });
  });

  it("says what to set when there is no cluster at all", () => {
    expect(() => defaultClusterConfig({ HOME: mkdtempSync(path.join(tmpdir(), "slipway-home-")) })).toThrow("No default cluster: set SLIPWAY_KUBECONFIG");
    expect(() => defaultClusterConfig({ SLIPWAY_KUBECONFIG: "/nowhere/config" })).toThrow("SLIPWAY_KUBECONFIG points to /nowhere/config, which does not exist.");
  });
});
