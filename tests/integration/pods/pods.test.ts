/** The pods page's data on the real test cluster: the live pod table and the app's events. */
import { describe, expect, it } from "vitest";
import { callerFor } from "../helpers/db";
import { pollUntil } from "../helpers/test-cluster";
import { useWorker, waitForRelease } from "../releases/deploy-helpers";
import { deployedApp } from "../logs/log-helpers";

useWorker();

describe("pods and events", () => {
  it("lists the pods with phase, readiness, node and age, and the events of the app's objects, newest first", async () => {
    const { team, members, app } = await deployedApp({ replicas: 2 });
    const viewer = callerFor(members.VIEWER!);
    const { pods, events } = await viewer.pods.list({ teamSlug: team.slug, appId: app.id });
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(pod).toMatchObject({ phase: "Running", status: "Running", readyContainers: 1, totalContainers: 1, restarts: 0, lastTermination: null, releaseVersion: 1 });
      expect(pod.node).toMatch(/^node-/);
      expect(pod.createdAt).toBeTruthy();
    }
    expect(events.map((event) => event.reason)).toEqual(expect.arrayContaining(["ScalingReplicaSet", "SuccessfulCreate"]));
    const times = events.map((event) => event.lastAt ?? "");
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("a crash-looping pod shows its restarts and the reason", async () => {
    const { team, owner, members, app } = await deployedApp({ replicas: 1 });
    const api = callerFor(owner);
    await api.runSettings.update({ teamSlug: team.slug, appId: app.id, deploy: true, settings: { env: [{ name: "SLIPWAY_TEST_CRASH", value: "true" }], progressDeadlineSeconds: 10 } as never, secretValues: [] });
    await waitForRelease(app.id, 2, ["FAILED", "AVAILABLE"], 120_000);
    const viewer = callerFor(members.VIEWER!);
    const crashing = await pollUntil("a pod with restarts", async () => {
      const { pods } = await viewer.pods.list({ teamSlug: team.slug, appId: app.id });
      return pods.find((pod) => pod.releaseVersion === 2 && pod.restarts >= 2);
    }, { timeoutMs: 60_000 });
    expect(crashing.status).toBe("CrashLoopBackOff");
    expect(crashing.readyContainers).toBe(0);
    expect(crashing.lastTermination).toMatchObject({ reason: "Error", exitCode: 1 });
  });
});
