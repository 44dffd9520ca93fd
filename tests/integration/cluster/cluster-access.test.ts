// Reaching a cluster and claiming a namespace: the connection check names the server version
// or says in words why it failed; a namespace Slipway did not create, or one that belongs to
// another team, is refused before anything is applied; deleting an app removes its objects.
// (Kubeconfig policy is covered without a cluster in tests/unit/cluster/parse-kubeconfig.test.ts;
// here the real test-cluster kubeconfig passes it, and a refused one never reaches a server.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { applyRelease } from "@/server/cluster/apply-release";
import { checkClusterConnection } from "@/server/cluster/check-cluster-connection";
import { ClusterError } from "@/server/cluster/cluster-error";
import { deleteAppResources } from "@/server/cluster/delete-app-resources";
import { dryRunRelease } from "@/server/cluster/dry-run-release";
import { ensureNamespace } from "@/server/cluster/ensure-namespace";
import { parseKubeconfig } from "@/server/cluster/parse-kubeconfig";
import { ownerLabels } from "@/server/cluster/render/labels";
import { testKubeconfigPath, useTestCluster } from "../helpers/test-cluster";
import { testClusterConfig, useTestApp } from "./helpers";

const cluster = useTestCluster({ namespacePrefix: "cluster-access" });
const kubeconfig = testClusterConfig();
const text = readFileSync(testKubeconfigPath, "utf8");
const policy = { allowExec: false, allowFiles: false };
// Each test app has its own team and namespace, deleted after the file.
const ownerApp = useTestApp(cluster.core, "owner");
const firstApp = useTestApp(cluster.core, "first");
const doomedApp = useTestApp(cluster.core, "doomed");

const clusterError = (code: string, message?: RegExp) => (error: unknown) =>
  error instanceof ClusterError && error.code === code && (!message || message.test(error.message));

describe("connecting to a cluster", () => {
  it("reports the server version and who the credentials are", async () => {
    const connection = await checkClusterConnection(kubeconfig);
    expect(connection).toMatchObject({ ok: true, serverVersion: "v1.36.3" });
    expect(connection.user).toBeTruthy();
  });

  it("says the connection was refused, as a retryable 'unreachable', within the timeout", async () => {
    const config = parse(text);
    config.clusters[0].cluster.server = "https://127.0.0.1:1";
    const started = Date.now();
    const error = await checkClusterConnection(parseKubeconfig(stringify(config), policy)).catch((caught: unknown) => caught);
    expect(error).toSatisfy(clusterError("unreachable", /^Cannot connect to https:\/\/127\.0\.0\.1:1: connection refused/));
    expect((error as ClusterError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("says 'unauthorized' when the server does not accept the credentials", async () => {
    const config = parse(text);
    const user = config.users[0].user;
    delete user["client-certificate-data"];
    delete user["client-key-data"];
    user.token = "not-a-valid-token";
    await expect(checkClusterConnection(parseKubeconfig(stringify(config), policy))).rejects.toSatisfy(clusterError("unauthorized", /unauthorized/));
  });

  it("refuses a kubeconfig with an exec plugin before contacting anything", () => {
    const config = parse(text);
    config.users[0].user = { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "/usr/local/bin/aws", args: ["eks", "get-token"] } };
    expect(() => parseKubeconfig(stringify(config), policy)).toThrow(
      "This kubeconfig runs a command (exec: aws) to get credentials for user",
    );
  });
});

describe("claiming a namespace", () => {
  it("refuses a namespace Slipway did not create", async () => {
    // The helper's namespace exists and carries no Slipway labels.
    const labels = ownerLabels({ team: { id: "teamx", slug: "x" }, project: { id: "p", name: "p" }, environment: { id: "e", name: "e" } });
    await expect(ensureNamespace({ kubeconfig, namespace: cluster.namespace, labels })).rejects.toSatisfy(
      clusterError("namespace_taken", /was not created by Slipway/),
    );
  });

  it("refuses a namespace owned by another team — for a deploy and for its dry run — and leaves it untouched", async () => {
    const owner = ownerApp;
    await applyRelease({ kubeconfig, input: owner.release(1, {}) });

    // Another team whose names lead to the same namespace.
    const intruder = { ...owner.release(1, {}), team: { id: "teamintruder", slug: "intruder" }, app: { id: "appintruder", name: "web" } };
    await expect(applyRelease({ kubeconfig, input: intruder })).rejects.toSatisfy(clusterError("namespace_taken", /belongs to another team/));
    await expect(dryRunRelease({ kubeconfig, input: intruder })).rejects.toSatisfy(clusterError("namespace_taken"));

    const namespace = await cluster.core.readNamespace({ name: owner.base.namespace });
    expect(namespace.metadata?.labels?.["slipway.dev/team"]).toBe(owner.base.team.id);
    const deployments = await cluster.apps.listNamespacedDeployment({ namespace: owner.base.namespace });
    expect(deployments.items.map((deployment) => deployment.metadata?.name)).toEqual(["owner"]);
  });

  it("refuses to take over an object of the same name that another app owns", async () => {
    const first = firstApp;
    await applyRelease({ kubeconfig, input: first.release(1, {}) });
    const sameName = { ...first.release(1, {}), app: { id: "appother", name: "first" } };
    await expect(applyRelease({ kubeconfig, input: sameName })).rejects.toSatisfy(clusterError("conflict", /belongs to another app/));
  });
});

describe("deleting an app", () => {
  it("removes every object labelled with the app id, volume claims included", async () => {
    const doomed = doomedApp;
    const input = doomed.release(1, { volumes: [{ name: "data", mountPath: "/data", size: "1Gi" }], domains: [{ host: "doomed.example.test" }] });
    const applied = await applyRelease({ kubeconfig, input });
    expect(applied.applied.map((ref) => ref.kind)).toContain("PersistentVolumeClaim");

    const { deleted } = await deleteAppResources({ kubeconfig, namespace: doomed.base.namespace, appId: doomed.base.app.id });
    expect(deleted.map((ref) => ref.kind).sort()).toEqual(["Deployment", "Ingress", "NetworkPolicy", "PersistentVolumeClaim", "Service", "ServiceAccount"]);
    const services = await cluster.core.listNamespacedService({ namespace: doomed.base.namespace, labelSelector: `slipway.dev/app=${doomed.base.app.id}` });
    expect(services.items).toEqual([]);
  });
});
