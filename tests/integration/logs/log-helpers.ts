/** A deployed app on the test cluster and a reader for its log stream, for the logs tests. */
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { CoreV1Api } from "@kubernetes/client-node";
import { openAppLogStream } from "@/server/logs/open-app-log-stream";
import type { AppLogEvent } from "@/server/logs/stream-app-logs";
import { appPlacement } from "@/server/releases/release-manifest-input";
import { callerFor } from "../helpers/db";
import { loadTestKubeConfig, pollUntil, testPodLogDir } from "../helpers/test-cluster";
import { deployableApp, succeededBuild, waitForRelease } from "../releases/deploy-helpers";

export const kubeConfig = loadTestKubeConfig();
export const core = kubeConfig.makeApiClient(CoreV1Api);

export async function deployedApp({ replicas = 1, name = "web" }: { replicas?: number; name?: string } = {}) {
  const setup = await deployableApp(name);
  await succeededBuild(setup.app);
  const api = callerFor(setup.owner);
  await api.runSettings.update({ teamSlug: setup.team.slug, appId: setup.app.id, deploy: false, settings: { replicas } as never, secretValues: [] });
  await api.release.deploy({ teamSlug: setup.team.slug, appId: setup.app.id });
  await waitForRelease(setup.app.id, 1, ["AVAILABLE"]);
  const { namespace } = await appPlacement(setup.app.id);
  return { ...setup, api, namespace };
}

export async function appPods(namespace: string, appId: string): Promise<string[]> {
  const list = await core.listNamespacedPod({ namespace, labelSelector: `slipway.dev/app=${appId}` });
  return list.items.filter((pod) => !pod.metadata?.deletionTimestamp).map((pod) => pod.metadata!.name!).sort();
}

/** Appends to the file kwok serves for pods that have no Logs object of their own (pods that appeared during a test). */
export async function appendSharedLog(lines: string[]) {
  await appendFile(path.join(testPodLogDir, "default.log"), lines.map((line) => `${new Date().toISOString()} stdout F ${line}\n`).join(""));
}

/** Reads a log stream in the background and lets a test wait for what it expects. */
export class LogReader {
  readonly events: AppLogEvent[] = [];
  readonly lines: { pod: string; container: string; ts: string; text: string; at: number }[] = [];
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  lastCursor: string | null = null;
  done: Promise<void>;

  constructor(events: AsyncGenerator<AppLogEvent>, private readonly delayMs = 0) {
    this.done = (async () => {
      for await (const event of events) {
        const at = Date.now();
        this.events.push(event);
        if (event.kind === "lines") for (const [pod, container, ts, text] of event.lines) this.lines.push({ pod, container, ts, text, at });
        if ("cursor" in event) this.lastCursor = event.cursor;
        for (const wake of this.waiters.splice(0)) wake();
        if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        if (this.abort.signal.aborted) break;
      }
    })();
  }

  async waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.events.slice(-5)).slice(0, 800)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  texts() {
    return this.lines.map((line) => line.text);
  }
}

export async function openStream(userId: string, appId: string, query: Record<string, string> = {}, lastEventId: string | null = null) {
  const abort = new AbortController();
  const opened = await openAppLogStream({ userId, appId, params: new URLSearchParams(query), lastEventId });
  if (!opened.ok) return { opened, reader: null, abort };
  return { opened, reader: new LogReader(opened.produce(abort.signal)), abort };
}

export { pollUntil };
