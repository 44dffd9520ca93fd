/**
 * Releases on the real test cluster: the worker applies them with server-side apply, watches
 * the rollout, fails crash-looping releases with their reason, and rolls back image and settings.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { appPlacement } from "@/server/releases/release-manifest-input";
import { callerFor, refusal } from "../helpers/db";
import { httpCall } from "../helpers/http";
import { loadTestKubeConfig, pollUntil } from "../helpers/test-cluster";
import { AppsV1Api, CoreV1Api, NetworkingV1Api, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { deployableApp, fakeImage, useWorker, succeededBuild, waitForRelease } from "./deploy-helpers";

const kubeConfig = loadTestKubeConfig();
const apps = kubeConfig.makeApiClient(AppsV1Api);
const core = kubeConfig.makeApiClient(CoreV1Api);
const networking = kubeConfig.makeApiClient(NetworkingV1Api);

useWorker();

const envOf = (deployment: Awaited<ReturnType<typeof apps.readNamespacedDeployment>>) =>
  Object.fromEntries((deployment.spec?.template.spec?.containers[0]?.env ?? []).map((entry) => [entry.name, entry.value ?? `secret:${entry.valueFrom?.secretKeyRef?.key}`]));

describe("deploying releases", () => {
  it("a deploy makes v1: pods ready on the cluster, the Service and Ingress as rendered", async () => {
    const { team, members, app } = await deployableApp();
    const build = await succeededBuild(app);
    const developer = callerFor(members.DEVELOPER!);
    await developer.runSettings.update({
      teamSlug: team.slug, appId: app.id, deploy: false,
      settings: { port: 3000, replicas: 2, domains: [{ host: `${team.slug}.apps.example.test` }], env: [{ name: "GREETING", value: "hello" }], secrets: ["API_KEY"] } as never,
      secretValues: [{ name: "API_KEY", value: "first-secret" }],
    });
    const release = await developer.release.deploy({ teamSlug: team.slug, appId: app.id });
    expect(release.version).toBe(1);
    const deployed = await waitForRelease(app.id, 1, ["AVAILABLE", "FAILED"]);
    expect(deployed.status).toBe("AVAILABLE");
    expect((deployed.timeline as { phase: string }[]).at(-1)?.phase).toBe("available");

    const { namespace } = await appPlacement(app.id);
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe(build.imageReference);
    expect(deployment.status?.readyReplicas).toBe(2);
    expect(envOf(deployment)).toMatchObject({ GREETING: "hello", API_KEY: "secret:API_KEY" });
    const service = await core.readNamespacedService({ name: "web", namespace });
    expect(service.spec?.ports?.[0]).toMatchObject({ port: 3000 });
    const ingress = await networking.readNamespacedIngress({ name: "web", namespace });
    expect(ingress.spec?.rules?.[0]?.host).toBe(`${team.slug}.apps.example.test`);
    const secret = await core.readNamespacedSecret({ name: "web-secrets", namespace });
    expect(Buffer.from(secret.data!.API_KEY!, "base64").toString()).toBe("first-secret");

    // A developer deploys but cannot read secret values; a viewer can do neither.
    expect((await developer.runSettings.get({ teamSlug: team.slug, appId: app.id })).secrets).toEqual([{ name: "API_KEY", value: null }]);
    expect((await callerFor(members.ADMIN!).runSettings.get({ teamSlug: team.slug, appId: app.id })).secrets).toEqual([{ name: "API_KEY", value: "first-secret" }]);
    expect((await httpCall(members.VIEWER!, "release.deploy", { teamSlug: team.slug, appId: app.id })).status).toBe(403);
    expect((await httpCall(members.VIEWER!, "release.rollback", { teamSlug: team.slug, appId: app.id, version: 1 })).status).toBe(403);
  });

  it("a settings change is a new release with a rolling update; rollback restores image and settings without a rebuild", async () => {
    const { team, owner, app } = await deployableApp();
    const api = callerFor(owner);
    const firstBuild = await succeededBuild(app);
    await api.runSettings.update({ teamSlug: team.slug, appId: app.id, deploy: false, settings: { env: [{ name: "MODE", value: "one" }], secrets: ["TOKEN"] } as never, secretValues: [{ name: "TOKEN", value: "t1" }] });
    await api.release.deploy({ teamSlug: team.slug, appId: app.id });
    await waitForRelease(app.id, 1, ["AVAILABLE"]);
    const { namespace } = await appPlacement(app.id);
    const firstReplicaSets = await apps.listNamespacedReplicaSet({ namespace });

    const changed = await api.runSettings.update({ teamSlug: team.slug, appId: app.id, deploy: true, settings: { env: [{ name: "MODE", value: "two" }], secrets: ["TOKEN"] } as never, secretValues: [{ name: "TOKEN", value: "t2" }] });
    expect(changed.changes).toEqual(["env MODE", "secret TOKEN"]);
    expect(changed.release?.version).toBe(2);
    await waitForRelease(app.id, 2, ["AVAILABLE"]);
    expect((await apps.listNamespacedReplicaSet({ namespace })).items.length).toBeGreaterThan(firstReplicaSets.items.length);

    const secondBuild = await succeededBuild(app);
    await api.release.deploy({ teamSlug: team.slug, appId: app.id, buildId: secondBuild.id });
    await waitForRelease(app.id, 3, ["AVAILABLE"]);
    expect((await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.template.spec?.containers[0]?.image).toBe(secondBuild.imageReference);

    // Read the diff first, as the dialog does, then roll back to v1.
    const preview = await api.release.preview({ teamSlug: team.slug, appId: app.id, target: { kind: "rollback", version: 1 } });
    expect(preview.image).toEqual({ from: secondBuild.imageReference, to: firstBuild.imageReference });
    expect(preview.settingsChanges).toEqual(["env MODE", "secret TOKEN"]);
    const deploymentDiff = preview.objects!.objects.find((object) => object.kind === "Deployment")!;
    expect(deploymentDiff.action).toBe("update");
    expect(deploymentDiff.changes.map((change) => change.path).join(" ")).toContain("image");
    expect(JSON.stringify(preview)).not.toContain("t1");

    const buildsBefore = await db.build.count({ where: { appId: app.id } });
    const rollback = await api.release.rollback({ teamSlug: team.slug, appId: app.id, version: 1 });
    expect(rollback.version).toBe(4);
    await waitForRelease(app.id, 4, ["AVAILABLE"]);
    const live = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(live.spec?.template.spec?.containers[0]?.image).toBe(firstBuild.imageReference);
    expect(envOf(live).MODE).toBe("one");
    const secret = await core.readNamespacedSecret({ name: "web-secrets", namespace });
    expect(Buffer.from(secret.data!.TOKEN!, "base64").toString()).toBe("t1");
    expect(await db.build.count({ where: { appId: app.id } })).toBe(buildsBefore);

    // Auto-deploy pauses after a manual rollback; the app's own settings are v1's again.
    const settings = await api.runSettings.get({ teamSlug: team.slug, appId: app.id });
    expect(settings.autoDeployPausedAt).not.toBeNull();
    expect(settings.secrets).toEqual([{ name: "TOKEN", value: "t1" }]);
    const releases = await api.release.list({ teamSlug: team.slug, appId: app.id });
    expect(releases.map((release) => `v${release.version} ${release.reason}`)).toEqual(["v4 rollback", "v3 deploy", "v2 settings", "v1 deploy"]);
  });

  it("a crash-looping release fails with the reason; with auto-rollback the previous release is live again", async () => {
    const { team, owner, app } = await deployableApp();
    const api = callerFor(owner);
    await succeededBuild(app);
    await api.runSettings.update({ teamSlug: team.slug, appId: app.id, deploy: false, settings: { autoRollback: true, progressDeadlineSeconds: 30 } as never, secretValues: [] });
    await api.release.deploy({ teamSlug: team.slug, appId: app.id });
    await waitForRelease(app.id, 1, ["AVAILABLE"]);

    // The test cluster crash-loops containers that set SLIPWAY_TEST_CRASH=true: a bad setting.
    await api.runSettings.update({ teamSlug: team.slug, appId: app.id, deploy: true, settings: { autoRollback: true, progressDeadlineSeconds: 30, env: [{ name: "SLIPWAY_TEST_CRASH", value: "true" }] } as never, secretValues: [] });
    const failed = await waitForRelease(app.id, 2, ["FAILED", "AVAILABLE"]);
    expect(failed.status).toBe("FAILED");
    expect(failed.statusMessage).toMatch(/CrashLoopBackOff|crash/i);

    const rolledBack = await waitForRelease(app.id, 3, ["AVAILABLE", "FAILED"]);
    expect(rolledBack).toMatchObject({ status: "AVAILABLE", reason: "auto-rollback", rollbackOfVersion: 1 });
    const { namespace } = await appPlacement(app.id);
    const live = await apps.readNamespacedDeployment({ name: "web", namespace });
    expect(envOf(live).SLIPWAY_TEST_CRASH).toBeUndefined();
    expect(live.status?.readyReplicas).toBe(1);
  });

  it("changes made outside Slipway show as drift, and reconciling puts the release back", async () => {
    const { team, owner, app } = await deployableApp();
    const api = callerFor(owner);
    await succeededBuild(app);
    await api.release.deploy({ teamSlug: team.slug, appId: app.id });
    await waitForRelease(app.id, 1, ["AVAILABLE"]);
    const { namespace } = await appPlacement(app.id);
    expect((await api.release.drift({ teamSlug: team.slug, appId: app.id })).items).toEqual([]);

    // kubectl scale, as another field manager would do it.
    await apps.patchNamespacedDeploymentScale(
      { name: "web", namespace, body: { spec: { replicas: 4 } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    const drift = await api.release.drift({ teamSlug: team.slug, appId: app.id });
    expect(drift.items.map((item) => item.message)).toEqual([expect.stringMatching(/replicas: release says 1, cluster has 4/)]);

    await api.release.reconcile({ teamSlug: team.slug, appId: app.id });
    await pollUntil("the replicas to return to 1", async () => (await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.replicas === 1, { timeoutMs: 30_000 });
    await pollUntil("drift to clear", async () => (await api.release.drift({ teamSlug: team.slug, appId: app.id })).items.length === 0, { timeoutMs: 30_000 });
  });

  it("deploys of one app are serialized and the last accepted release is what runs", async () => {
    const { team, owner, app } = await deployableApp();
    const api = callerFor(owner);
    const builds = [await succeededBuild(app, fakeImage("a")), await succeededBuild(app, fakeImage("b")), await succeededBuild(app, fakeImage("c"))];
    await Promise.all(builds.map((build) => api.release.deploy({ teamSlug: team.slug, appId: app.id, buildId: build.id })));
    await waitForRelease(app.id, 3, ["AVAILABLE"]);
    const { namespace } = await appPlacement(app.id);
    const last = await db.release.findUniqueOrThrow({ where: { appId_version: { appId: app.id, version: 3 } } });
    expect((await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.template.spec?.containers[0]?.image).toBe(last.imageReference);
    const earlier = await db.release.findMany({ where: { appId: app.id, version: { lt: 3 } } });
    for (const release of earlier) expect(["AVAILABLE", "SUPERSEDED"]).toContain(release.status);
  });

  it("saving the settings form keeps a scale made meanwhile, and slipway.yaml's replicas become the app's on deploy", async () => {
    const { team, owner, app } = await deployableApp();
    const api = callerFor(owner);
    const stale = await api.runSettings.get({ teamSlug: team.slug, appId: app.id });
    await api.scaling.setReplicas({ teamSlug: team.slug, appId: app.id, replicas: 3 });
    await api.runSettings.update({ teamSlug: team.slug, appId: app.id, deploy: false, settings: { ...stale.settings, port: 9090 }, secretValues: [] });
    const saved = await api.runSettings.get({ teamSlug: team.slug, appId: app.id });
    expect(saved.settings).toMatchObject({ port: 9090, replicas: 3 });

    const build = await succeededBuild(app);
    await db.build.update({ where: { id: build.id }, data: { settings: { run: { replicas: { value: 2, source: "slipway.yaml" } } } } });
    await api.release.deploy({ teamSlug: team.slug, appId: app.id, buildId: build.id });
    await waitForRelease(app.id, 1, ["AVAILABLE"]);
    expect((await api.runSettings.get({ teamSlug: team.slug, appId: app.id })).settings.replicas).toBe(2);
    const { namespace } = await appPlacement(app.id);
    expect((await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.replicas).toBe(2);
  });

  it("a deploy with nothing built says what to do; a rollback to the current release is refused", async () => {
    const { team, owner, app } = await deployableApp();
    const api = callerFor(owner);
    expect((await refusal(api.release.deploy({ teamSlug: team.slug, appId: app.id }))).message).toBe("There is no successful build to deploy yet: build the app first.");
    await succeededBuild(app);
    await api.release.deploy({ teamSlug: team.slug, appId: app.id });
    expect((await refusal(api.release.rollback({ teamSlug: team.slug, appId: app.id, version: 1 }))).message).toBe("v1 is already the newest release.");
    await waitForRelease(app.id, 1, ["AVAILABLE"]);
  });
});
