// Where a rollout stands, from the Deployment, its ReplicaSets and pods, in the cases the
// release timeline must tell apart.
import { describe, expect, it } from "vitest";
import { evaluateRollout, type DeploymentLike, type PodLike, type ReplicaSetLike } from "@/server/cluster/rollout-status";

function deployment({ generation = 2, observed = 2, replicas = 3, status = {}, conditions = [] as object[] } = {}): DeploymentLike {
  return {
    metadata: { name: "web", uid: "dep-uid", generation, annotations: { "deployment.kubernetes.io/revision": "2" } },
    spec: { replicas },
    status: { observedGeneration: observed, conditions, ...status },
  };
}

const replicaSets: ReplicaSetLike[] = [
  { metadata: { name: "web-old", annotations: { "deployment.kubernetes.io/revision": "1" }, labels: { "pod-template-hash": "old" }, ownerReferences: [{ uid: "dep-uid" }] } },
  { metadata: { name: "web-new", annotations: { "deployment.kubernetes.io/revision": "2" }, labels: { "pod-template-hash": "new" }, ownerReferences: [{ uid: "dep-uid" }] } },
];

function pod(name: string, hash: string, containerStatus: object): PodLike {
  return { metadata: { name, labels: { "pod-template-hash": hash } }, status: { phase: "Running", containerStatuses: [{ name: "web", ...containerStatus }] } };
}

describe("evaluateRollout", () => {
  it("waits for the controller to observe the new generation before anything counts", () => {
    const stale = deployment({ generation: 3, observed: 2, status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 } });
    expect(evaluateRollout({ deployment: stale })).toMatchObject({ phase: "pending", reason: "WaitingForController" });
    // expectedGeneration covers a read that comes before the apply's write is visible.
    const early = deployment({ generation: 2, observed: 2, status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 } });
    expect(evaluateRollout({ deployment: early, expectedGeneration: 3 }).phase).toBe("pending");
  });

  it("is progressing while new pods come up and old ones remain", () => {
    const progress = evaluateRollout({
      deployment: deployment({ status: { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 } }),
      replicaSets,
    });
    expect(progress).toMatchObject({ phase: "progressing", desired: 3, updated: 1, ready: 3, available: 3, message: "1 of 3 new pods created." });
    const oldLeft = evaluateRollout({ deployment: deployment({ status: { replicas: 4, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 } }), replicaSets });
    expect(oldLeft).toMatchObject({ phase: "progressing", message: "3 of 3 new pods ready; 1 old pod still running." });
  });

  it("is available once every replica is new and available", () => {
    const done = evaluateRollout({ deployment: deployment({ status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 } }), replicaSets });
    expect(done).toMatchObject({ phase: "available", message: "3 of 3 available." });
    expect(evaluateRollout({ deployment: deployment({ replicas: 0, status: { replicas: 0 } }) })).toMatchObject({ phase: "available", message: "Scaled to zero." });
    // Back from 5 to the release's 3: not done while the ReplicaSet still runs 5.
    const scalingDown = evaluateRollout({ deployment: deployment({ status: { replicas: 5, updatedReplicas: 5, readyReplicas: 5, availableReplicas: 5 } }), replicaSets });
    expect(scalingDown).toMatchObject({ phase: "progressing", message: "Scaling down: 5 pods running, 3 wanted." });
  });

  it("fails at once when a new pod crash-loops, with its restarts and exit code", () => {
    const crashing = pod("web-new-abc", "new", {
      restartCount: 4,
      state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container" } },
      lastState: { terminated: { exitCode: 137 } },
    });
    const result = evaluateRollout({ deployment: deployment({ status: { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 } }), replicaSets, pods: [crashing] });
    expect(result).toMatchObject({ phase: "failed", reason: "CrashLoopBackOff", restarts: 4 });
    expect(result.message).toBe("Container web in pod web-new-abc keeps crashing (CrashLoopBackOff), restarted 4 times, last exit code 137: back-off 40s restarting failed container.");
  });

  it.each(["ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError"])("fails on %s", (reason) => {
    const stuck = pod("web-new-x", "new", { restartCount: 0, state: { waiting: { reason } } });
    expect(evaluateRollout({ deployment: deployment({ status: { replicas: 4, updatedReplicas: 1 } }), replicaSets, pods: [stuck] })).toMatchObject({ phase: "failed", reason });
  });

  it("ignores old pods that crash: they are not this rollout's", () => {
    const oldCrash = pod("web-old-x", "old", { restartCount: 9, state: { waiting: { reason: "CrashLoopBackOff" } } });
    const result = evaluateRollout({ deployment: deployment({ status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 } }), replicaSets, pods: [oldCrash] });
    expect(result.phase).toBe("available");
  });

  it("fails when the progress deadline passes, adding the pods' reason", () => {
    const deadline = deployment({
      status: { replicas: 4, updatedReplicas: 1 },
      conditions: [{ type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: 'ReplicaSet "web-new" has timed out progressing.' }],
    });
    expect(evaluateRollout({ deployment: deadline, replicaSets })).toMatchObject({ phase: "failed", reason: "ProgressDeadlineExceeded", message: 'ReplicaSet "web-new" has timed out progressing.' });
  });

  it("says why pods are not scheduled", () => {
    const pending: PodLike = {
      metadata: { name: "web-new-p", labels: { "pod-template-hash": "new" } },
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes are available: 3 Insufficient memory." }] },
    };
    const result = evaluateRollout({ deployment: deployment({ status: { replicas: 4, updatedReplicas: 1 } }), replicaSets, pods: [pending] });
    expect(result).toMatchObject({ phase: "progressing", reason: "Unschedulable", message: "No node can run the pods yet: 0/3 nodes are available: 3 Insufficient memory." });
  });

  it("fails when the Deployment is gone", () => {
    expect(evaluateRollout({ deployment: undefined })).toMatchObject({ phase: "failed", reason: "DeploymentNotFound" });
  });
});
