// The pure halves of "diff before acting", drift and reconcile: field changes between two
// versions of an object, drift in words, and the JSON patch that removes additions by others.
import { describe, expect, it } from "vitest";
import { ApiException } from "@kubernetes/client-node";
import { ClusterError, toClusterError } from "@/server/cluster/cluster-error";
import { compareDrift } from "@/server/cluster/compare-drift";
import { diffObjects, foldReleaseMarks, HIDDEN } from "@/server/cluster/diff-objects";
import { foreignAdditionsPatch } from "@/server/cluster/foreign-additions";
import type { KubernetesManifest } from "@/server/cluster/render/types";

function deployment({ image = "r/web@sha256:aa", replicas = 2 as number | null, env = [{ name: "FOO", value: "1" }] as object[], extra = {} } = {}): KubernetesManifest {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "ns", labels: { "slipway.dev/app": "app1" }, ...extra },
    spec: {
      ...(replicas === null ? {} : { replicas }),
      template: { spec: { containers: [{ name: "web", image, env, resources: { requests: { cpu: "0.5", memory: "256Mi" } } }] } },
    },
  };
}

describe("diffObjects", () => {
  it("ignores server bookkeeping and reports real changes by name", () => {
    const live = {
      ...deployment({ extra: { resourceVersion: "41", generation: 3, uid: "u", creationTimestamp: "2026-01-01T00:00:00Z", managedFields: [{ manager: "slipway" }], annotations: { "deployment.kubernetes.io/revision": "3" } } }),
      status: { replicas: 2 },
    };
    const next = {
      ...deployment({ image: "r/web@sha256:bb", env: [{ name: "FOO", value: "2" }, { name: "BAR", value: "x" }], extra: { resourceVersion: "42", generation: 4, annotations: { "deployment.kubernetes.io/revision": "3" } } }),
      status: { replicas: 1 },
    };
    expect(diffObjects(live, next, { kind: "Deployment" })).toEqual([
      { path: "spec.template.spec.containers[web].image", before: "r/web@sha256:aa", after: "r/web@sha256:bb" },
      { path: "spec.template.spec.containers[web].env[FOO].value", before: "1", after: "2" },
      { path: "spec.template.spec.containers[web].env[BAR]", after: { name: "BAR", value: "x" } },
    ]);
  });

  it("brackets label keys and shows removed fields", () => {
    const before = { metadata: { name: "x", labels: { "slipway.dev/release": "1", keep: "y" } }, spec: { replicas: 2 } };
    const after = { metadata: { name: "x", labels: { "slipway.dev/release": "2", keep: "y" } }, spec: {} };
    expect(diffObjects(before, after)).toEqual([
      { path: "metadata.labels[slipway.dev/release]", before: "1", after: "2" },
      { path: "spec.replicas", before: 2 },
    ]);
  });

  it("folds the release marks into one change per place, by version", () => {
    const before = {
      metadata: { name: "web", labels: { "slipway.dev/release": "2" }, annotations: { "slipway.dev/release-id": "abc", "slipway.dev/release-version": "2" } },
      spec: { template: { metadata: { labels: { "slipway.dev/release": "2" }, annotations: { "slipway.dev/release-id": "abc" } }, spec: { containers: [{ name: "web", image: "a" }] } } },
    };
    const after = {
      metadata: { name: "web", labels: { "slipway.dev/release": "3" }, annotations: { "slipway.dev/release-id": "preview", "slipway.dev/release-version": "3" } },
      spec: { template: { metadata: { labels: { "slipway.dev/release": "3" }, annotations: { "slipway.dev/release-id": "preview" } }, spec: { containers: [{ name: "web", image: "b" }] } } },
    };
    expect(foldReleaseMarks(diffObjects(before, after))).toEqual([
      { path: "release", before: "v2", after: "v3" },
      { path: "spec.template.release (the pods are replaced)", before: "v2", after: "v3" },
      { path: "spec.template.spec.containers[web].image", before: "a", after: "b" },
    ]);
    // A first release: the marks appear.
    expect(foldReleaseMarks([{ path: "metadata.labels[slipway.dev/release]", after: "1" }, { path: "metadata.labels[team]", after: "t" }])).toEqual([
      { path: "release", after: "v1" },
      { path: "metadata.labels[team]", after: "t" },
    ]);
  });

  it("never shows a Secret's values, only which keys change", () => {
    const before = { kind: "Secret", data: { TOKEN: "b2xk", GONE: "eA==" } };
    const after = { kind: "Secret", data: { TOKEN: "bmV3", NEW: "eQ==" } };
    const changes = diffObjects(before, after, { kind: "Secret" });
    expect(changes).toEqual([
      { path: "data.TOKEN", before: HIDDEN, after: HIDDEN },
      { path: "data.GONE", before: HIDDEN },
      { path: "data.NEW", after: HIDDEN },
    ]);
  });
});

describe("compareDrift", () => {
  it("is empty when the cluster matches, whatever quantity notation the server uses", () => {
    const live = deployment();
    (live.spec as { template: { spec: { containers: { resources: object }[] } } }).template.spec.containers[0]!.resources = { requests: { cpu: "500m", memory: "256Mi" } };
    expect(compareDrift([deployment()], [live])).toEqual([]);
  });

  it("describes scale, image, env and resource changes in words", () => {
    const live = deployment({ image: "r/web@sha256:cc", replicas: 5, env: [{ name: "FOO", value: "hacked" }, { name: "DEBUG", value: "1" }] });
    (live.spec as { template: { spec: { containers: { resources: object }[] } } }).template.spec.containers[0]!.resources = { requests: { cpu: "2", memory: "256Mi" } };
    expect(compareDrift([deployment()], [live]).map((item) => item.message)).toEqual([
      "replicas: release says 2, cluster has 5 (changed outside Slipway)",
      "image: release says r/web@sha256:aa, cluster has r/web@sha256:cc (changed outside Slipway)",
      'env FOO: release says "1", cluster has "hacked" (changed outside Slipway)',
      "env DEBUG added outside Slipway",
      "cpu requests: release says 0.5, cluster has 2 (changed outside Slipway)",
    ]);
  });

  it("ignores the replica count when an HPA owns it", () => {
    expect(compareDrift([deployment({ replicas: null })], [deployment({ replicas: 7 })])).toEqual([]);
  });

  it("reports Secret keys without their values, and missing or extra objects", () => {
    const secret = (data: Record<string, string>): KubernetesManifest => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "web-secrets" }, data });
    const hpa: KubernetesManifest = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "web" } };
    const service: KubernetesManifest = { apiVersion: "v1", kind: "Service", metadata: { name: "web" } };
    const items = compareDrift([secret({ TOKEN: "YQ==" }), service], [secret({ TOKEN: "Yg==", EXTRA: "Yw==" }), hpa]);
    expect(items.map((item) => item.message)).toEqual([
      "secret TOKEN has a different value (changed outside Slipway)",
      "secret EXTRA added outside Slipway",
      "Service web is missing (deleted outside Slipway)",
      "HorizontalPodAutoscaler web exists but the release has none (left over or made outside Slipway)",
    ]);
    expect(JSON.stringify(items)).not.toContain("Yg==");
  });
});

describe("foreignAdditionsPatch", () => {
  it("removes variables and containers others added, later indexes first, each guarded by its name", () => {
    const applied = deployment({ env: [{ name: "FOO", value: "1" }, { name: "X", value: "1" }, { name: "Y", value: "2" }] });
    const containers = (applied.spec as { template: { spec: { containers: object[] } } }).template.spec.containers;
    containers.push({ name: "sidecar", image: "busybox" });
    expect(foreignAdditionsPatch(deployment(), applied)).toEqual([
      { op: "test", path: "/spec/template/spec/containers/1/name", value: "sidecar" },
      { op: "remove", path: "/spec/template/spec/containers/1" },
      { op: "test", path: "/spec/template/spec/containers/0/env/2/name", value: "Y" },
      { op: "remove", path: "/spec/template/spec/containers/0/env/2" },
      { op: "test", path: "/spec/template/spec/containers/0/env/1/name", value: "X" },
      { op: "remove", path: "/spec/template/spec/containers/0/env/1" },
    ]);
    expect(foreignAdditionsPatch(deployment(), deployment())).toEqual([]);
  });

  it("removes Secret keys others added", () => {
    const rendered: KubernetesManifest = { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { A: "YQ==" } };
    const applied: KubernetesManifest = { ...rendered, data: { A: "YQ==", "b/c": "Yw==" } };
    expect(foreignAdditionsPatch(rendered, applied)).toEqual([{ op: "remove", path: "/data/b~1c" }]);
  });
});

describe("toClusterError", () => {
  it("maps API statuses to codes a worker can act on", () => {
    const api = (code: number, message = "m") => new ApiException(code, "x", { kind: "Status", message }, {});
    expect(toClusterError(api(401)).code).toBe("unauthorized");
    expect(toClusterError(api(403, 'deployments.apps is forbidden: User "x" cannot create')).message).toContain('deployments.apps is forbidden: User "x" cannot create');
    expect(toClusterError(api(404)).code).toBe("not_found");
    expect(toClusterError(api(409)).retryable).toBe(true);
    expect(toClusterError(api(422, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1')).message).toBe(
      'Kubernetes refused it: Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1',
    );
    expect(toClusterError(api(503)).code).toBe("unreachable");
    expect(toClusterError(api(503)).retryable).toBe(true);
  });

  it("maps network failures, timeouts and TLS problems", () => {
    const refused = Object.assign(new Error("request to https://10.0.0.1:6443/version failed, reason: connect ECONNREFUSED"), { name: "FetchError", code: "ECONNREFUSED" });
    expect(toClusterError(refused, { server: "https://10.0.0.1:6443" }).message).toBe("Cannot connect to https://10.0.0.1:6443: connection refused.");
    const timeout = Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
    expect(toClusterError(timeout, { server: "https://k", timeoutMs: 5000 })).toMatchObject({ code: "unreachable", message: "https://k did not answer within 5 s." });
    const tls = Object.assign(new Error("self-signed certificate in certificate chain"), { name: "FetchError", code: "SELF_SIGNED_CERT_IN_CHAIN" });
    expect(toClusterError(tls)).toMatchObject({ code: "tls" });
    expect(toClusterError(tls).retryable).toBe(false);
    const typed = new ClusterError("namespace_taken", "x");
    expect(toClusterError(typed)).toBe(typed);
  });
});
