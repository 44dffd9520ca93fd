// The deploy journey on the real test cluster (kube-apiserver + controllers + scheduler, kwok
// nodes): a release becomes Ready pods behind a Service and an Ingress, the next release rolls
// out a new ReplicaSet with its new config, a dry run shows what would change without changing
// it, removing the domains prunes the Ingress, and changes made with kubectl are reported as
// drift and put back by applying the release again. The tests run in order, one app's life.
import { describe, expect, it } from "vitest";
import { AutoscalingV2Api, NetworkingV1Api, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { applyRelease } from "@/server/cluster/apply-release";
import { detectDrift } from "@/server/cluster/detect-drift";
import { dryRunRelease } from "@/server/cluster/dry-run-release";
import { readDeploymentState } from "@/server/cluster/read-deployment-state";
import { renderReleaseManifests } from "@/server/cluster/render/render-release-manifests";
import type { RolloutProgress } from "@/server/cluster/rollout-status";
import { watchRollout } from "@/server/cluster/watch-rollout";
import { useTestCluster } from "../helpers/test-cluster";
import { digest, testClusterConfig, useTestApp } from "./helpers";

const cluster = useTestCluster({ namespacePrefix: "cluster-deploy" });
const { core, apps } = cluster;
const networking = cluster.kubeConfig.makeApiClient(NetworkingV1Api);
const autoscaling = cluster.kubeConfig.makeApiClient(AutoscalingV2Api);
const kubeconfig = testClusterConfig();
const app = useTestApp(core, "web");
const { namespace } = app.base;

const v1 = app.release(
  1,
  {
    port: 8080,
    replicas: 2,
    env: [{ name: "GREETING", value: "hello" }],
    secrets: ["API_TOKEN"],
    healthCheck: { type: "http", path: "/healthz" },
    domains: [{ host: "web.example.test", tls: { clusterIssuer: "letsencrypt" } }],
  },
  { image: digest("a"), secrets: { API_TOKEN: "first-token" } },
);
const v2 = app.release(
  2,
  { ...v1.release.settings, env: [{ name: "GREETING", value: "bonjour" }] },
  { image: digest("a"), secrets: { API_TOKEN: "second-token" } },
);
const v3 = app.release(
  3,
  { ...v2.release.settings, env: [{ name: "GREETING", value: "hallo" }, { name: "FEATURE_X", value: "on" }], domains: [] },
  { image: digest("b"), secrets: { API_TOKEN: "second-token" } },
);

async function rollOut(input: typeof v1, generation: number) {
  const events: RolloutProgress[] = [];
  const result = await watchRollout({
    kubeconfig,
    namespace,
    deploymentName: input.app.name,
    expectedGeneration: generation,
    timeoutMs: 60_000,
    onProgress: (progress) => events.push(progress),
  });
  return { result, events };
}

const secretValue = async (key: string) => {
  const secret = await core.readNamespacedSecret({ name: "web-secrets", namespace });
  return Buffer.from(secret.data?.[key] ?? "", "base64").toString("utf8");
};

describe("deploying releases to the test cluster", () => {
  it("runs a first release: Ready pods on kwok nodes, and Service, Ingress, NetworkPolicy and ServiceAccount as rendered", async () => {
    const applied = await applyRelease({ kubeconfig, input: v1 });
    expect(applied.namespaceCreated).toBe(true);
    expect(applied.applied.map((ref) => ref.kind)).toEqual(["NetworkPolicy", "ServiceAccount", "Secret", "Service", "Deployment", "Ingress"]);

    const { result, events } = await rollOut(v1, applied.deployment.generation);
    expect(result).toMatchObject({ phase: "available", desired: 2, updated: 2, ready: 2, available: 2 });
    expect(events[0]!.phase).toBe("pending");
    expect(events.at(-1)!.phase).toBe("available");

    const pods = await core.listNamespacedPod({ namespace, labelSelector: `slipway.dev/app=${v1.app.id}` });
    expect(pods.items).toHaveLength(2);
    for (const pod of pods.items) {
      expect(pod.spec?.nodeName).toMatch(/^node-/);
      expect(pod.status?.phase).toBe("Running");
      expect(pod.status?.conditions?.find((condition) => condition.type === "Ready")?.status).toBe("True");
      expect(pod.metadata?.labels?.["slipway.dev/release"]).toBe("1");
      expect(pod.spec?.automountServiceAccountToken).toBe(false);
      expect(pod.spec?.securityContext?.seccompProfile?.type).toBe("RuntimeDefault");
      expect(pod.spec?.containers[0]?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
    }

    const namespaceObject = await core.readNamespace({ name: namespace });
    expect(namespaceObject.metadata?.labels).toMatchObject({
      "app.kubernetes.io/managed-by": "slipway",
      "slipway.dev/team": v1.team.id,
      "slipway.dev/project": v1.project.id,
      "slipway.dev/environment": v1.environment.id,
    });

    const service = await core.readNamespacedService({ name: "web", namespace });
    expect(service.spec?.type).toBe("ClusterIP");
    expect(service.spec?.selector).toEqual({ "slipway.dev/app": v1.app.id });
    expect(service.spec?.ports?.[0]).toMatchObject({ port: 8080, targetPort: "app", protocol: "TCP" });

    const ingress = await networking.readNamespacedIngress({ name: "web", namespace });
    expect(ingress.metadata?.annotations?.["cert-manager.io/cluster-issuer"]).toBe("letsencrypt");
    expect(ingress.spec?.rules?.[0]?.host).toBe("web.example.test");
    expect(ingress.spec?.rules?.[0]?.http?.paths[0]?.backend.service).toEqual({ name: "web", port: { name: "app" } });
    expect(ingress.spec?.tls).toEqual([{ hosts: ["web.example.test"], secretName: "web-tls" }]);

    const policy = await networking.readNamespacedNetworkPolicy({ name: "web", namespace });
    expect(policy.spec?.podSelector?.matchLabels).toEqual({ "slipway.dev/app": v1.app.id });
    expect(policy.spec?.ingress?.[0]?._from).toContainEqual({ namespaceSelector: { matchLabels: { "slipway.dev/team": v1.team.id } } });

    const serviceAccount = await core.readNamespacedServiceAccount({ name: "web", namespace });
    expect(serviceAccount.automountServiceAccountToken).toBe(false);
    expect(await secretValue("API_TOKEN")).toBe("first-token");
  });

  it("rolls out a second release with a changed variable and secret as a new ReplicaSet, and the Secret holds the new value", async () => {
    const before = await apps.listNamespacedReplicaSet({ namespace, labelSelector: `slipway.dev/app=${v2.app.id}` });
    const applied = await applyRelease({ kubeconfig, input: v2 });
    const { result, events } = await rollOut(v2, applied.deployment.generation);
    expect(result.phase).toBe("available");
    expect(events.some((event) => event.phase === "progressing" || event.phase === "pending")).toBe(true);

    const after = await apps.listNamespacedReplicaSet({ namespace, labelSelector: `slipway.dev/app=${v2.app.id}` });
    expect(after.items.length).toBe(before.items.length + 1);
    const current = after.items.find((replicaSet) => (replicaSet.status?.replicas ?? 0) > 0)!;
    expect(current.spec?.template?.metadata?.labels?.["slipway.dev/release"]).toBe("2");
    expect(current.spec?.template?.spec?.containers[0]?.env).toContainEqual({ name: "GREETING", value: "bonjour" });
    expect(await secretValue("API_TOKEN")).toBe("second-token");

    const state = await readDeploymentState({ kubeconfig, namespace, deploymentName: "web" });
    expect(state).toMatchObject({ desired: 2, ready: 2, releaseVersion: 2, image: digest("a") });
    expect(state!.rollout.phase).toBe("available");
  });

  it("shows, in a dry run, the image change, the changed variables and the Ingress to prune — without changing the cluster", async () => {
    const live = await apps.readNamespacedDeployment({ name: "web", namespace });
    const diff = await dryRunRelease({ kubeconfig, input: v3 });

    const deployment = diff.objects.find((object) => object.kind === "Deployment")!;
    expect(deployment.action).toBe("update");
    const paths = deployment.changes.map((change) => change.path);
    expect(deployment.changes).toContainEqual({ path: "spec.template.spec.containers[web].image", before: digest("a"), after: digest("b") });
    expect(deployment.changes).toContainEqual({ path: "spec.template.spec.containers[web].env[GREETING].value", before: "bonjour", after: "hallo" });
    expect(paths).toContain("spec.template.spec.containers[web].env[FEATURE_X]");
    expect(paths.some((path) => path.includes("managedFields") || path.includes("resourceVersion") || path.startsWith("status"))).toBe(false);
    // The release marks read as one line per place, with versions, never ids.
    expect(paths).toContain("spec.template.release (the pods are replaced)");
    expect(paths.some((path) => path.includes("release-id"))).toBe(false);
    expect(diff.objects.find((object) => object.kind === "Ingress")).toMatchObject({ action: "delete" });
    expect(diff.objects.find((object) => object.kind === "Service")).toMatchObject({ action: "unchanged" });
    // Same secret value, new release label only: the value itself never shows.
    expect(JSON.stringify(diff)).not.toContain(Buffer.from("second-token").toString("base64"));

    const untouched = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(untouched.metadata?.resourceVersion).toBe(live.metadata?.resourceVersion);
    expect(untouched.spec?.template.spec?.containers[0]?.image).toBe(digest("a"));
    await expect(networking.readNamespacedIngress({ name: "web", namespace })).resolves.toBeDefined();
  });

  it("prunes the Ingress once a release has no domains", async () => {
    const applied = await applyRelease({ kubeconfig, input: v3 });
    expect(applied.pruned).toEqual([{ kind: "Ingress", name: "web" }]);
    await expect(networking.readNamespacedIngress({ name: "web", namespace })).rejects.toMatchObject({ code: 404 });
    const { result } = await rollOut(v3, applied.deployment.generation);
    expect(result.phase).toBe("available");
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe(digest("b"));
  });

  it("reports `kubectl scale` and `kubectl set env` as drift, and applying the release again puts it back", async () => {
    const rendered = renderReleaseManifests(v3);
    expect(await detectDrift({ kubeconfig, namespace, rendered })).toEqual([]);

    // What kubectl does: the scale subresource, and a strategic merge patch of the env, under their own managers.
    await apps.patchNamespacedDeploymentScale(
      { name: "web", namespace, body: { spec: { replicas: 5 } }, fieldManager: "kubectl-scale" },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    await apps.patchNamespacedDeployment(
      {
        name: "web",
        namespace,
        fieldManager: "kubectl-set",
        body: { spec: { template: { spec: { containers: [{ name: "web", env: [{ name: "GREETING", value: "hacked" }, { name: "DEBUG", value: "1" }] }] } } } },
      },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
    );

    const drift = await detectDrift({ kubeconfig, namespace, rendered });
    const messages = drift.map((item) => item.message);
    expect(messages).toContain("replicas: release says 2, cluster has 5 (changed outside Slipway)");
    expect(messages).toContain('env GREETING: release says "hallo", cluster has "hacked" (changed outside Slipway)');
    expect(messages).toContain("env DEBUG added outside Slipway");

    const reconciled = await applyRelease({ kubeconfig, input: v3 });
    expect(reconciled.foreignFieldsRemoved).toBe(1);
    expect(await detectDrift({ kubeconfig, namespace, rendered })).toEqual([]);
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(deployment.spec?.replicas).toBe(2);
    expect(deployment.spec?.template.spec?.containers[0]?.env?.map((entry) => entry.name)).toEqual(["PORT", "GREETING", "FEATURE_X", "API_TOKEN"]);
    const { result } = await rollOut(v3, reconciled.deployment.generation);
    expect(result).toMatchObject({ phase: "available", desired: 2, available: 2 });
  });

  it("hands the replica count to an HPA when autoscaling is switched on, and prunes the HPA when it is switched off", async () => {
    const autoscaled = app.release(4, { ...v3.release.settings, autoscaling: { enabled: true, min: 2, max: 4, cpuPercent: 70 } }, { image: digest("b"), secrets: { API_TOKEN: "second-token" } });
    // Running 5 (above the autoscaler's maximum) when autoscaling is switched on.
    await apps.replaceNamespacedDeploymentScale({ name: "web", namespace, body: { metadata: { name: "web", namespace }, spec: { replicas: 5 } } });
    const on = await applyRelease({ kubeconfig, input: autoscaled });
    expect(on.applied.map((ref) => ref.kind)).toContain("HorizontalPodAutoscaler");
    const hpa = await autoscaling.readNamespacedHorizontalPodAutoscaler({ name: "web", namespace });
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 4, scaleTargetRef: { kind: "Deployment", name: "web" } });
    // The count running, brought inside 2…4: never back to 1 while the HPA takes over.
    expect((await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.replicas).toBe(4);
    expect(await detectDrift({ kubeconfig, namespace, rendered: renderReleaseManifests(autoscaled) })).toEqual([]);
    expect((await rollOut(autoscaled, on.deployment.generation)).result.phase).toBe("available");

    const fixed = app.release(5, { ...v3.release.settings, replicas: 3 }, { image: digest("b"), secrets: { API_TOKEN: "second-token" } });
    const off = await applyRelease({ kubeconfig, input: fixed });
    expect(off.pruned).toEqual([{ kind: "HorizontalPodAutoscaler", name: "web" }]);
    const { result } = await rollOut(fixed, off.deployment.generation);
    expect(result).toMatchObject({ phase: "available", desired: 3, available: 3 });
  });
});
