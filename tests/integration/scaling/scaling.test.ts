/**
 * Scaling on the real test cluster: replicas, pause/resume, autoscaling and resources are saved
 * in the app's settings and applied at once, without a release; deploys and rollbacks keep them.
 */
import { describe, expect, it } from "vitest";
import { AppsV1Api, AutoscalingV2Api } from "@kubernetes/client-node";
import { db } from "@/server/db";
import { recordReplicaSamples } from "@/server/scaling/record-replica-samples";
import { callerFor, refusal } from "../helpers/db";
import { pollUntil } from "../helpers/test-cluster";
import { useWorker, succeededBuild, waitForRelease } from "../releases/deploy-helpers";
import { appPods, deployedApp, kubeConfig } from "../logs/log-helpers";

useWorker();

const apps = kubeConfig.makeApiClient(AppsV1Api);
const autoscaling = kubeConfig.makeApiClient(AutoscalingV2Api);

async function readyReplicas(namespace: string, want: number) {
  return pollUntil(`${want} ready replicas`, async () => {
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace });
    return deployment.spec?.replicas === want && (deployment.status?.readyReplicas ?? 0) === want && deployment;
  });
}

describe("scaling an app", () => {
  it("scales 1 → 5 → pause → resume at once, without a release, each change in the audit log", async () => {
    const { team, members, app, namespace } = await deployedApp({ replicas: 1 });
    const developer = callerFor(members.DEVELOPER!);
    const input = { teamSlug: team.slug, appId: app.id };

    expect(await developer.scaling.setReplicas({ ...input, replicas: 5 })).toMatchObject({ applied: true, paused: false, scaling: { replicas: 5 } });
    await readyReplicas(namespace, 5);
    expect((await appPods(namespace, app.id)).length).toBe(5);
    const live = await developer.scaling.get(input);
    expect(live.live).toMatchObject({ desired: 5 });

    expect(await developer.scaling.pause(input)).toMatchObject({ applied: true, paused: true, scaling: { replicas: 0 } });
    await readyReplicas(namespace, 0);
    expect((await refusal(developer.scaling.pause(input))).message).toBe("The app is already paused.");

    expect(await developer.scaling.resume(input)).toMatchObject({ applied: true, paused: false, scaling: { replicas: 5 } });
    await readyReplicas(namespace, 5);

    expect(await db.release.count({ where: { appId: app.id } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { targetId: app.id, action: { startsWith: "app." } }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((event) => event.action).filter((action) => action !== "app.settings.update" && action !== "app.create")).toEqual(["app.scale", "app.pause", "app.resume"]);
    // The change is not drift: the release runs with the app's current scaling.
    expect((await developer.release.drift(input)).items).toEqual([]);

    // A viewer reads but cannot scale.
    const viewer = callerFor(members.VIEWER!);
    expect((await viewer.scaling.get(input)).scaling.replicas).toBe(5);
    expect((await refusal(viewer.scaling.setReplicas({ ...input, replicas: 2 }))).code).toBe("FORBIDDEN");
    expect((await refusal(viewer.scaling.restart(input))).code).toBe("FORBIDDEN");

    // The chart's data: samples of desired/ready and the scaling events.
    await recordReplicaSamples();
    const history = await viewer.scaling.history({ ...input, hours: 6 });
    expect(history.samples.at(-1)).toMatchObject({ desired: 5, ready: 5 });
    expect(history.events.map((event) => event.label)).toEqual(expect.arrayContaining(["Scaled to 5", "Paused", "Resumed at 5"]));
  });

  it("refuses above the server's limit, below 0, and autoscaling with min above max, in words", async () => {
    const { team, members, app } = await deployedApp({ replicas: 1 });
    const developer = callerFor(members.DEVELOPER!);
    const input = { teamSlug: team.slug, appId: app.id };
    expect(await refusal(developer.scaling.setReplicas({ ...input, replicas: 21 }))).toMatchObject({ code: "BAD_REQUEST", message: "Replicas is at most 20 (this server's limit)." });
    expect(await refusal(developer.scaling.setReplicas({ ...input, replicas: -1 }))).toMatchObject({ code: "BAD_REQUEST", message: "Replicas is at least 0." });
    expect(await refusal(developer.scaling.setAutoscaling({ ...input, autoscaling: { enabled: true, min: 5, max: 2 } }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "The autoscaling minimum (5) is above the maximum (2).",
    });
    expect(await refusal(developer.scaling.setAutoscaling({ ...input, autoscaling: { enabled: true, min: 1, max: 40 } }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at most 20/) });
  });

  it("autoscaling creates an HPA that matches the settings; resources roll the pods; deploys and rollbacks keep the scaling", async () => {
    const { team, owner, app, namespace } = await deployedApp({ replicas: 1 });
    const api = callerFor(owner);
    const input = { teamSlug: team.slug, appId: app.id };

    await api.scaling.setAutoscaling({ ...input, autoscaling: { enabled: true, min: 2, max: 6, cpuPercent: 65, memoryPercent: 80 } });
    const hpa = await autoscaling.readNamespacedHorizontalPodAutoscaler({ name: "web", namespace });
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 6, scaleTargetRef: { kind: "Deployment", name: "web" } });
    expect(hpa.spec?.metrics?.map((metric) => [metric.resource?.name, metric.resource?.target.averageUtilization])).toEqual([["cpu", 65], ["memory", 80]]);
    // The handover: the Deployment goes to the minimum at once instead of dropping to 1 replica.
    expect((await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.replicas).toBe(2);
    await readyReplicas(namespace, 2);
    // The autoscaler's choice (made through the scale subresource, as the HPA controller does).
    await apps.replaceNamespacedDeploymentScale({ name: "web", namespace, body: { metadata: { name: "web", namespace }, spec: { replicas: 4 } } });

    await api.scaling.setResources({ ...input, resources: { preset: "large" } });
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(deployment.spec?.template.spec?.containers[0]?.resources).toMatchObject({ requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } });

    // A new deploy keeps the autoscaler and the size.
    await succeededBuild(app);
    await api.release.deploy(input);
    await waitForRelease(app.id, 2, ["AVAILABLE"]);
    expect((await autoscaling.readNamespacedHorizontalPodAutoscaler({ name: "web", namespace })).spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
    const redeployed = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(redeployed.spec?.template.spec?.containers[0]?.resources?.limits).toMatchObject({ memory: "2Gi" });
    expect(redeployed.spec?.replicas).toBe(4); // the deploy left the autoscaler's count alone

    // Autoscaling off, 3 replicas; a rollback to v1 (1 replica, small) keeps them.
    await api.scaling.setAutoscaling({ ...input, autoscaling: { enabled: false, min: 2, max: 6 } });
    await api.scaling.setReplicas({ ...input, replicas: 3 });
    await pollUntil("the HPA to go", async () => !(await autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace })).items.length);
    await api.release.rollback({ ...input, version: 1 });
    await waitForRelease(app.id, 3, ["AVAILABLE"]);
    await readyReplicas(namespace, 3);
    const settings = await api.runSettings.get(input);
    expect(settings.settings).toMatchObject({ replicas: 3, resources: { preset: "large" } });
    expect((await api.release.drift(input)).items).toEqual([]);
  });

  it("a rolling restart replaces every pod", async () => {
    const { team, members, app, namespace } = await deployedApp({ replicas: 2 });
    const before = await appPods(namespace, app.id);
    await callerFor(members.DEVELOPER!).scaling.restart({ teamSlug: team.slug, appId: app.id });
    await pollUntil("new pods", async () => {
      const now = await appPods(namespace, app.id);
      return now.length === 2 && now.every((name) => !before.includes(name));
    });
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(deployment.spec?.template.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBeTruthy();
    expect((await db.auditEvent.count({ where: { targetId: app.id, action: "app.restart" } }))).toBe(1);
  });
});
