/**
 * Team clusters by kubeconfig, and deploys that outlive an unreachable cluster: the release waits,
 * is retried with backoff, and goes out once the cluster answers again.
 */
import { readFileSync } from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, refusal } from "../helpers/db";
import { httpCall } from "../helpers/http";
import { testKubeconfigPath } from "../helpers/test-cluster";
import { deployableApp, useWorker, succeededBuild, waitForRelease } from "./deploy-helpers";

useWorker();

const testKubeconfig = readFileSync(testKubeconfigPath, "utf8");
const apiServer = new URL(/server: (\S+)/.exec(testKubeconfig)![1]!);

/** A TCP relay in front of the test API server that can be switched off and on: an unreliable network. */
function startRelay(port: number) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(apiServer.port), apiServer.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => { client.destroy(); upstream.destroy(); };
    client.on("error", close);
    upstream.on("error", close);
  });
  return {
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve())),
    close: () => new Promise<void>((resolve) => { for (const socket of sockets) socket.destroy(); server.close(() => resolve()); }),
  };
}

describe("team clusters", () => {
  it("a kubeconfig that runs a command or reads server files is refused, and one that cannot connect says so", async () => {
    const { team, owner } = await deployableApp();
    const exec = testKubeconfig.replace(/client-certificate-data: .*\n\s*client-key-data: .*/, "exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: aws\n      args: [eks, get-token]");
    const refusedExec = await httpCall(owner, "cluster.add", { teamSlug: team.slug, name: "prod", kubeconfig: exec });
    expect(refusedExec.status).toBe(400);
    expect(refusedExec.error?.data.fieldErrors?.kubeconfig).toMatch(/runs a command/);

    const files = testKubeconfig.replace(/certificate-authority-data: .*/, "certificate-authority: /etc/passwd");
    expect((await httpCall(owner, "cluster.add", { teamSlug: team.slug, name: "prod", kubeconfig: files })).error?.data.fieldErrors?.kubeconfig).toMatch(/file|path/i);

    expect((await httpCall(owner, "cluster.add", { teamSlug: team.slug, name: "prod", kubeconfig: "not: [valid" })).status).toBe(400);

    const nowhere = testKubeconfig.replace(apiServer.origin, "https://127.0.0.1:1");
    const unreachable = await httpCall(owner, "cluster.add", { teamSlug: team.slug, name: "prod", kubeconfig: nowhere });
    expect(unreachable.status).toBe(503);
  });

  it("a registered cluster shows its version, and its kubeconfig is stored encrypted", async () => {
    const { team, owner } = await deployableApp();
    const cluster = await callerFor(owner).cluster.add({ teamSlug: team.slug, name: "kwok", kubeconfig: testKubeconfig });
    expect(cluster.serverVersion).toMatch(/^v1\.\d+\.\d+/);
    const stored = await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(stored.kubeconfigEncrypted).not.toContain("client-key-data");
  });

  it("a deploy while the cluster is unreachable waits, is retried, and is never lost", async () => {
    const { team, owner, app, environmentId } = await deployableApp();
    const api = callerFor(owner);
    const relayPort = 20000 + Math.floor(Math.random() * 20000);
    const relay = startRelay(relayPort);
    await relay.listen();
    const cluster = await api.cluster.add({ teamSlug: team.slug, name: "flaky", kubeconfig: testKubeconfig.replace(apiServer.origin, `https://127.0.0.1:${relayPort}`) });
    await api.cluster.setEnvironmentCluster({ teamSlug: team.slug, environmentId, clusterId: cluster.id });
    await relay.close();

    await succeededBuild(app);
    await api.release.deploy({ teamSlug: team.slug, appId: app.id });
    const waiting = await waitForRelease(app.id, 1, ["WAITING"], 90_000);
    expect(waiting.statusMessage).toMatch(/^Waiting for the cluster:/);

    await relay.listen();
    const deployed = await waitForRelease(app.id, 1, ["AVAILABLE"], 120_000);
    expect(deployed.status).toBe("AVAILABLE");
    await relay.close();
    expect((await refusal(api.cluster.setEnvironmentCluster({ teamSlug: team.slug, environmentId, clusterId: null }))).message).toMatch(/already deployed/);
  });
});
