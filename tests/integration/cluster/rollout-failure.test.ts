// A release whose containers crash: watchRollout reports "failed" with the reason taken from
// the pods (CrashLoopBackOff, restart count, exit code) well before the progress deadline, while
// the previous release keeps serving (maxUnavailable 0). kwok crash-loops pods labelled
// slipway.dev/test-crash=true; extraPodLabels is the render input's test-only way to set it.
import { describe, expect, it } from "vitest";
import { applyRelease } from "@/server/cluster/apply-release";
import { ClusterError } from "@/server/cluster/cluster-error";
import { readDeploymentState } from "@/server/cluster/read-deployment-state";
import type { RolloutProgress } from "@/server/cluster/rollout-status";
import { watchRollout } from "@/server/cluster/watch-rollout";
import { CRASH_LABEL, useTestCluster } from "../helpers/test-cluster";
import { digest, testClusterConfig, useTestApp } from "./helpers";

const { core } = useTestCluster({ namespacePrefix: "cluster-rollout" });
const kubeconfig = testClusterConfig();
const app = useTestApp(core, "api");
const { namespace } = app.base;

describe("a rollout that fails", () => {
  it("is reported as failed with CrashLoopBackOff from the pods, and the previous release keeps running", async () => {
    const good = app.release(1, { replicas: 2 }, { image: digest("1") });
    const first = await applyRelease({ kubeconfig, input: good });
    const healthy = await watchRollout({ kubeconfig, namespace, deploymentName: "api", expectedGeneration: first.deployment.generation, timeoutMs: 60_000 });
    expect(healthy.phase).toBe("available");

    const crashing = app.release(2, { replicas: 2, progressDeadlineSeconds: 600 }, { image: digest("2"), extraPodLabels: CRASH_LABEL });
    const second = await applyRelease({ kubeconfig, input: crashing });
    const events: RolloutProgress[] = [];
    const started = Date.now();
    const result = await watchRollout({
      kubeconfig,
      namespace,
      deploymentName: "api",
      expectedGeneration: second.deployment.generation,
      timeoutMs: 60_000,
      onProgress: (progress) => events.push(progress),
    });

    expect(result.phase).toBe("failed");
    expect(result.reason).toBe("CrashLoopBackOff");
    expect(result.message).toMatch(/^Container api in pod api-[a-z0-9]+-[a-z0-9]+ keeps crashing \(CrashLoopBackOff\), restarted \d+ times?, last exit code 1/);
    expect(result.restarts).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(30_000); // the pods tell long before the 600 s deadline
    expect(events.at(-1)).toEqual(result);

    // maxUnavailable 0: the old pods stay until new ones are ready, so the app is still up.
    const state = await readDeploymentState({ kubeconfig, namespace, deploymentName: "api" });
    expect(state!.available).toBe(2);
    expect(state!.rollout.phase).toBe("failed");
  });

  it("stops with an aborted ClusterError when the caller aborts", async () => {
    const controller = new AbortController();
    const watching = watchRollout({ kubeconfig, namespace, deploymentName: "does-not-matter", timeoutMs: 60_000, signal: controller.signal, pollIntervalMs: 60_000 });
    controller.abort();
    await expect(watching).rejects.toSatisfy((error) => error instanceof ClusterError && error.code === "aborted");
  });

  it("reports a missing Deployment as failed rather than waiting forever", async () => {
    const result = await watchRollout({ kubeconfig, namespace, deploymentName: "nothing-here", timeoutMs: 30_000 });
    expect(result).toMatchObject({ phase: "failed", reason: "DeploymentNotFound" });
  });
});
