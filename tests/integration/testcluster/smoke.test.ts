// Proves that the test cluster behaves like a cluster where it matters to Slipway: real
// controllers roll Deployments out onto kwok's fake nodes, logs stream through pods/log,
// and a labelled pod crash-loops. Everything goes through @kubernetes/client-node.
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import {
  Log,
  PatchStrategy,
  Watch,
  type V1Deployment,
  type V1Pod,
  type V1ReplicaSet,
} from "@kubernetes/client-node";
import { CRASH_LABEL, pollUntil, useTestCluster } from "../helpers/test-cluster";

const cluster = useTestCluster({ namespacePrefix: "smoke" });
const { core, apps, objects, namespace } = cluster;
const fieldManager = "slipway-smoke-test";

function deployment(replicas: number, image: string): V1Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace },
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image }] },
      },
    },
  };
}

async function apply(object: V1Deployment): Promise<V1Deployment> {
  return objects.patch(object, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply);
}

/** Resolves once the Deployment's controller has caught up and `replicas` pods are ready. */
async function rolledOut(replicas: number): Promise<V1Deployment> {
  return pollUntil(`deployment web to roll out ${replicas} ready replicas`, async () => {
    const current = await apps.readNamespacedDeployment({ name: "web", namespace });
    const status = current.status;
    const available = status?.conditions?.find((condition) => condition.type === "Available");
    const done =
      (status?.observedGeneration ?? 0) >= (current.metadata?.generation ?? 1) &&
      status?.replicas === replicas &&
      status?.updatedReplicas === replicas &&
      status?.readyReplicas === replicas &&
      status?.availableReplicas === replicas &&
      available?.status === "True";
    return done ? current : undefined;
  });
}

async function replicaSetsOfWeb(): Promise<V1ReplicaSet[]> {
  const list = await apps.listNamespacedReplicaSet({ namespace, labelSelector: "app=web" });
  return list.items;
}

async function podsOfWeb(): Promise<V1Pod[]> {
  const list = await core.listNamespacedPod({ namespace, labelSelector: "app=web" });
  return list.items.filter((pod) => !pod.metadata?.deletionTimestamp);
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((condition) => condition.type === "Ready" && condition.status === "True") ?? false;
}

async function fakeNodeNames(): Promise<Set<string>> {
  const nodes = await core.listNode();
  return new Set(
    nodes.items
      .filter((node) => node.metadata?.annotations?.["kwok.x-k8s.io/node"] === "fake")
      .map((node) => node.metadata?.name ?? ""),
  );
}

async function createPod(name: string, labels: Record<string, string> = {}): Promise<V1Pod> {
  return core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name, labels },
      spec: { containers: [{ name: "main", image: "registry.invalid/app:1" }] },
    },
  });
}

describe("a Deployment on the test cluster", () => {
  it("applied server-side with 3 replicas, gets a ReplicaSet and 3 Running, Ready pods on fake nodes", async () => {
    await apply(deployment(3, "registry.invalid/web:1"));

    const web = await rolledOut(3);
    expect(web.status?.conditions?.find((c) => c.type === "Available")?.status).toBe("True");

    const replicaSets = await replicaSetsOfWeb();
    expect(replicaSets).toHaveLength(1);
    expect(replicaSets[0]?.metadata?.ownerReferences?.[0]?.name).toBe("web");

    const pods = await podsOfWeb();
    const nodes = await fakeNodeNames();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.status?.phase).toBe("Running");
      expect(isReady(pod)).toBe(true);
      expect(nodes.has(pod.spec?.nodeName ?? "")).toBe(true);
      expect(pod.status?.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(pod.metadata?.ownerReferences?.[0]?.name).toBe(replicaSets[0]?.metadata?.name);
    }
  });

  it("scaled to 5 replicas, has 5 ready pods", async () => {
    await apply(deployment(5, "registry.invalid/web:1"));

    await rolledOut(5);
    const pods = await podsOfWeb();
    expect(pods).toHaveLength(5);
    expect(pods.every(isReady)).toBe(true);
  });

  it("given a new image, rolls out a second ReplicaSet and keeps both revisions", async () => {
    const before = await replicaSetsOfWeb();
    await apply(deployment(5, "registry.invalid/web:2"));

    await rolledOut(5);
    const pods = await pollUntil("the old pods to be gone", async () => {
      const current = await podsOfWeb();
      return current.length === 5 && current.every((pod) => pod.spec?.containers[0]?.image === "registry.invalid/web:2")
        ? current
        : undefined;
    });
    expect(pods.every(isReady)).toBe(true);

    const replicaSets = await replicaSetsOfWeb();
    const byRevision = new Map(
      replicaSets.map((rs) => [rs.metadata?.annotations?.["deployment.kubernetes.io/revision"], rs]),
    );
    expect(replicaSets).toHaveLength(2);
    expect(byRevision.get("1")?.metadata?.name).toBe(before[0]?.metadata?.name);
    expect(byRevision.get("1")?.spec?.replicas).toBe(0);
    expect(byRevision.get("2")?.spec?.template?.spec?.containers[0]?.image).toBe("registry.invalid/web:2");
    expect(byRevision.get("2")?.status?.readyReplicas).toBe(5);
  });
});

describe("pods on the test cluster", () => {
  const aborts: AbortController[] = [];
  afterEach(() => {
    for (const abort of aborts.splice(0)) abort.abort();
  });

  async function runningPod(name: string): Promise<V1Pod> {
    await createPod(name);
    return pollUntil(`pod ${name} to run`, async () => {
      const pod = await core.readNamespacedPod({ name, namespace });
      return pod.status?.phase === "Running" && isReady(pod) ? pod : undefined;
    });
  }

  it("stream lines appended to their log while a follow request is open", async () => {
    await runningPod("talker");
    await cluster.appendPodLog(namespace, "talker", ["booting", "listening on :8080"]);

    let received = "";
    const output = new PassThrough();
    output.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
    });
    aborts.push(await new Log(cluster.kubeConfig).log(namespace, "talker", "main", output, { follow: true }));

    await pollUntil("the lines written before the stream opened", async () => received.includes("listening on :8080"));
    expect(received).toBe("booting\nlistening on :8080\n");

    await cluster.appendPodLog(namespace, "talker", "GET / 200");
    await cluster.appendPodLog(namespace, "talker", ["GET /health 200", "shutting down"], { stream: "stderr" });
    await pollUntil("the appended lines on the open stream", async () => received.endsWith("shutting down\n"), {
      timeoutMs: 15_000,
    });
    expect(received).toBe("booting\nlistening on :8080\nGET / 200\nGET /health 200\nshutting down\n");
  });

  it("serve the previous container's log separately", async () => {
    await runningPod("restarted");
    await cluster.appendPodLog(namespace, "restarted", "panic: out of cheese", { previous: true });
    await cluster.appendPodLog(namespace, "restarted", "started again");

    const previous = await core.readNamespacedPodLog({ name: "restarted", namespace, previous: true });
    const current = await core.readNamespacedPodLog({ name: "restarted", namespace });
    expect(previous).toBe("panic: out of cheese\n");
    expect(current).toBe("started again\n");
  });

  it("crash-loop when labelled slipway.dev/test-crash=true, with a growing restartCount", async () => {
    const seen: V1Pod[] = [];
    aborts.push(
      await new Watch(cluster.kubeConfig).watch(
        `/api/v1/namespaces/${namespace}/pods`,
        { fieldSelector: "metadata.name=crasher" },
        (_phase, pod: V1Pod) => seen.push(pod),
        () => undefined,
      ),
    );
    await createPod("crasher", { ...CRASH_LABEL });

    const first = await pollUntil("crasher to enter CrashLoopBackOff", async () => {
      const pod = await core.readNamespacedPod({ name: "crasher", namespace });
      const status = pod.status?.containerStatuses?.[0];
      return status?.state?.waiting?.reason === "CrashLoopBackOff" ? pod : undefined;
    });
    const firstStatus = first.status?.containerStatuses?.[0];
    expect(first.status?.phase).toBe("Running");
    expect(isReady(first)).toBe(false);
    expect(firstStatus?.ready).toBe(false);
    expect(firstStatus?.restartCount).toBeGreaterThanOrEqual(1);
    expect(firstStatus?.lastState?.terminated?.exitCode).toBe(1);
    expect(firstStatus?.lastState?.terminated?.reason).toBe("Error");

    const later = await pollUntil(
      "crasher's restartCount to grow",
      async () => {
        const pod = await core.readNamespacedPod({ name: "crasher", namespace });
        const count = pod.status?.containerStatuses?.[0]?.restartCount ?? 0;
        return count >= (firstStatus?.restartCount ?? 0) + 2 ? pod : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const laterStatus = later.status?.containerStatuses?.[0];
    expect(laterStatus?.state?.waiting?.reason).toBe("CrashLoopBackOff");
    expect(laterStatus?.lastState?.terminated?.exitCode).toBe(1);
    expect(isReady(later)).toBe(false);

    // The default pod-ready stage must never have made it Ready along the way.
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.some(isReady)).toBe(false);
  });

  it("owned by a Job complete, and the Job succeeds", async () => {
    await objects.create({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "migrate", namespace },
      spec: {
        backoffLimit: 0,
        template: { spec: { restartPolicy: "Never", containers: [{ name: "migrate", image: "registry.invalid/app:1" }] } },
      },
    });
    await pollUntil("job migrate to succeed", async () => {
      const job = await objects.read({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "migrate", namespace } });
      const status = (job as { status?: { succeeded?: number } }).status;
      return status?.succeeded === 1;
    });
    const pods = await core.listNamespacedPod({ namespace, labelSelector: "job-name=migrate" });
    expect(pods.items.map((pod) => pod.status?.phase)).toEqual(["Succeeded"]);
  });

  it("disappear as soon as they are deleted", async () => {
    await runningPod("short-lived");
    await core.deleteNamespacedPod({ name: "short-lived", namespace });
    await pollUntil("pod short-lived to be gone", async () => {
      const list = await core.listNamespacedPod({ namespace, fieldSelector: "metadata.name=short-lived" });
      return list.items.length === 0;
    }, { timeoutMs: 10_000 });
  });
});
