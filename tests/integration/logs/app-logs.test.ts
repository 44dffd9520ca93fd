/**
 * Live logs of all of an app's pods on the real test cluster: kwok serves each pod's log from a
 * file, so appending to the file is a container writing a line.
 */
import { describe, expect, it } from "vitest";
import { downloadAppLogs } from "@/server/logs/download-app-logs";
import { appendPodLog } from "../helpers/test-cluster";
import { createTeamWithMembers } from "../helpers/db";
import { deployableApp, useWorker, succeededBuild, waitForRelease } from "../releases/deploy-helpers";
import { callerFor } from "../helpers/db";
import { appPlacement } from "@/server/releases/release-manifest-input";
import { appendSharedLog, appPods, core, deployedApp, kubeConfig, openStream, pollUntil } from "./log-helpers";
import { AppsV1Api } from "@kubernetes/client-node";

useWorker();

const apps = kubeConfig.makeApiClient(AppsV1Api);

describe("the app's log stream", () => {
  it("sends the tail of every pod, then a line appended to a pod's log within a second", async () => {
    const { members, app, namespace } = await deployedApp({ replicas: 2 });
    const [first, second] = await appPods(namespace, app.id);
    await appendPodLog(kubeConfig, namespace, first!, ["first pod, old line 1", "first pod, old line 2"]);
    await appendPodLog(kubeConfig, namespace, second!, ["second pod, old line"]);

    const { reader, abort } = await openStream(members.VIEWER!.id, app.id, { tail: "10" });
    await reader!.waitFor("ready", () => reader!.events.find((event) => event.kind === "ready"));
    expect(reader!.texts()).toEqual(expect.arrayContaining(["first pod, old line 1", "first pod, old line 2", "second pod, old line"]));
    expect(reader!.events.filter((event) => event.kind === "pod").map((event) => event.kind === "pod" && event.change)).toEqual(["present", "present"]);

    const sent = Date.now();
    await appendPodLog(kubeConfig, namespace, second!, ["\u001b[32mhello from the second pod\u001b[0m"]);
    const line = await reader!.waitFor("the new line", () => reader!.lines.find((entry) => entry.text.includes("hello from the second pod")));
    expect(line.pod).toBe(second);
    expect(line.container).toBe("web");
    expect(line.text).toContain("\u001b[32m"); // ANSI colours reach the viewer as they are
    expect(line.at - sent).toBeLessThan(1_000);
    abort.abort();
  });

  it("a pod created by a scale-up joins the stream; a deleted pod is marked ended", async () => {
    const { members, app, namespace } = await deployedApp({ replicas: 1 });
    const [original] = await appPods(namespace, app.id);
    await appendPodLog(kubeConfig, namespace, original!, ["before the scale-up"]);
    const { reader, abort } = await openStream(members.VIEWER!.id, app.id);
    await reader!.waitFor("ready", () => reader!.events.find((event) => event.kind === "ready"));

    await apps.patchNamespacedDeployment({ name: "web", namespace, body: [{ op: "replace", path: "/spec/replicas", value: 2 }] }, undefined);
    const joined = await reader!.waitFor("a pod to join", () => reader!.events.find((event) => event.kind === "pod" && event.change === "joined"));
    const newPod = joined.kind === "pod" ? joined.pod.name : "";
    expect(newPod).not.toBe(original);
    // The new pod has no log file of its own, so kwok serves it the shared one.
    await pollUntil("the new pod to be running", async () => (await core.readNamespacedPod({ name: newPod, namespace })).status?.phase === "Running");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await appendSharedLog([`a line from the new pod ${newPod}`]);
    const line = await reader!.waitFor("the new pod's line", () => reader!.lines.find((entry) => entry.text === `a line from the new pod ${newPod}`));
    expect(line.pod).toBe(newPod);

    await core.deleteNamespacedPod({ name: original!, namespace });
    const ended = await reader!.waitFor("the deleted pod to be marked ended", () => reader!.events.find((event) => event.kind === "pod" && event.change === "ended" && event.pod.name === original));
    expect(ended.kind === "pod" && ended.pod.status).toBe("Ended");
    abort.abort();
  });

  it("before the first deploy, says so once and stays open; the deployed app's pods then join", async () => {
    const setup = await deployableApp();
    const { reader, abort } = await openStream(setup.members.VIEWER!.id, setup.app.id);
    await reader!.waitFor("the notice", () => reader!.events.find((event) => event.kind === "notice"));
    let ended = false;
    void reader!.done.then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ended).toBe(false); // an ended stream would be reopened by the browser, notice and all
    expect(reader!.events).toEqual([{ kind: "notice", level: "info", message: "This app has not been deployed yet: its logs appear here once it runs." }]);

    await succeededBuild(setup.app);
    await callerFor(setup.owner).release.deploy({ teamSlug: setup.team.slug, appId: setup.app.id });
    await waitForRelease(setup.app.id, 1, ["AVAILABLE"]);
    const { namespace } = await appPlacement(setup.app.id);
    const [pod] = await appPods(namespace, setup.app.id);
    await reader!.waitFor("the pod", () => reader!.events.find((event) => event.kind === "pod" && event.pod.name === pod));
    await pollUntil("the pod to be running", async () => (await core.readNamespacedPod({ name: pod!, namespace })).status?.phase === "Running");
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A pod that appeared while streaming has no log file of its own: kwok serves it the shared one.
    await appendSharedLog([`first words of ${pod} after the first deploy`]);
    const line = await reader!.waitFor("the line", () => reader!.lines.find((entry) => entry.text === `first words of ${pod} after the first deploy`));
    expect(line.pod).toBe(pod);
    abort.abort();
  });

  it("resumes after a dropped connection without repeating or skipping a line", async () => {
    const { members, app, namespace } = await deployedApp({ replicas: 1 });
    const [pod] = await appPods(namespace, app.id);
    await appendPodLog(kubeConfig, namespace, pod!, ["one", "two", "three"]); // one timestamp for all three
    const first = await openStream(members.VIEWER!.id, app.id);
    await first.reader!.waitFor("three lines", () => first.reader!.lines.length >= 3 && first.reader!.events.some((event) => event.kind === "ready"));
    await appendPodLog(kubeConfig, namespace, pod!, ["four", "five"]);
    await first.reader!.waitFor("five lines", () => first.reader!.lines.length >= 5);
    const cursor = first.reader!.lastCursor;
    first.abort.abort();

    // While the viewer is away, more lines, some sharing one timestamp.
    await appendPodLog(kubeConfig, namespace, pod!, ["six", "seven"]);
    await appendPodLog(kubeConfig, namespace, pod!, ["eight"]);
    const second = await openStream(members.VIEWER!.id, app.id, {}, cursor);
    await second.reader!.waitFor("the missed lines", () => second.reader!.lines.length >= 3);
    await appendPodLog(kubeConfig, namespace, pod!, ["nine"]);
    await second.reader!.waitFor("the live line", () => second.reader!.lines.some((line) => line.text === "nine"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...first.reader!.texts(), ...second.reader!.texts()]).toEqual(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]);
    second.abort.abort();
  });

  it("filters by text or regular expression, downloads as a file, and refuses what it cannot do", async () => {
    const { members, app, namespace } = await deployedApp({ replicas: 1 });
    const [pod] = await appPods(namespace, app.id);
    await appendPodLog(kubeConfig, namespace, pod!, ["GET /health 200", "GET /orders 500 timeout", "POST /orders 201", `${"a".repeat(5_000)}!`]);
    const viewer = members.VIEWER!.id;

    const regex = await openStream(viewer, app.id, { filter: "orders (5\\d\\d|201)", regex: "1" });
    await regex.reader!.waitFor("ready", () => regex.reader!.events.find((event) => event.kind === "ready"));
    expect(regex.reader!.texts()).toEqual(["GET /orders 500 timeout", "POST /orders 201"]);
    regex.abort.abort();

    // A pattern that backtracks catastrophically in a backtracking engine runs in linear time here.
    const started = Date.now();
    const nasty = await openStream(viewer, app.id, { filter: "(a+)+$", regex: "1" });
    await nasty.reader!.waitFor("ready", () => nasty.reader!.events.find((event) => event.kind === "ready"));
    expect(Date.now() - started).toBeLessThan(5_000);
    nasty.abort.abort();

    const text = await openStream(viewer, app.id, { filter: "HEALTH" });
    await text.reader!.waitFor("ready", () => text.reader!.events.find((event) => event.kind === "ready"));
    expect(text.reader!.texts()).toEqual(["GET /health 200"]);
    text.abort.abort();

    const refused = async (query: Record<string, string>) => {
      const { opened } = await openStream(viewer, app.id, query);
      return opened.ok ? null : { status: opened.status, message: opened.message };
    };
    expect(await refused({ filter: "(a)\\1", regex: "1" })).toEqual({ status: 400, message: expect.stringMatching(/Back-references/) });
    expect(await refused({ filter: "(?=x)", regex: "1" })).toEqual({ status: 400, message: expect.stringMatching(/Look-ahead/) });
    expect(await refused({ filter: "([a-z", regex: "1" })).toEqual({ status: 400, message: expect.stringMatching(/not a valid regular expression/) });
    expect(await refused({ tail: "1000000" })).toEqual({ status: 400, message: expect.stringMatching(/Tail is a number of lines from 0 to 10,000/) });
    expect(await refused({ tail: "-1" })).toMatchObject({ status: 400 });
    expect(await refused({ since: "90d" })).toEqual({ status: 400, message: expect.stringMatching(/Since is a time from 1s to 30d/) });
    expect(await refused({ since: "soon" })).toMatchObject({ status: 400 });

    const file = await downloadAppLogs({ userId: viewer, appId: app.id, params: new URLSearchParams({ filter: "orders" }) });
    expect(file.ok).toBe(true);
    if (file.ok) {
      expect(file.fileName).toMatch(/^web-.*\.log$/);
      expect(file.body.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`Z ${pod} GET /orders 500 timeout$`)), expect.stringMatching(/POST \/orders 201$/)]);
    }
  });

  it("someone outside the team, or a pod of another team named on purpose, gets not found", async () => {
    const ours = await deployedApp({ replicas: 1, name: "api" });
    const theirs = await deployedApp({ replicas: 1, name: "api" });
    const [theirPod] = await appPods(theirs.namespace, theirs.app.id);
    const outsider = (await createTeamWithMembers()).owner;

    const foreignApp = await openStream(outsider.id, ours.app.id);
    expect(foreignApp.opened).toMatchObject({ ok: false, status: 404 });
    const foreignPod = await openStream(ours.members.VIEWER!.id, ours.app.id, { pods: theirPod! });
    expect(foreignPod.opened).toEqual({ ok: false, status: 404, message: `This app has no pod named ${theirPod}.` });
    expect(await downloadAppLogs({ userId: ours.members.VIEWER!.id, appId: ours.app.id, params: new URLSearchParams({ pods: theirPod! }) })).toMatchObject({ ok: false, status: 404 });
    expect(await downloadAppLogs({ userId: outsider.id, appId: theirs.app.id, params: new URLSearchParams() })).toMatchObject({ ok: false, status: 404 });
  });

  it("a slow reader holds the pods' streams back instead of filling the server's memory, and loses nothing", async () => {
    const { members, app, namespace } = await deployedApp({ replicas: 1 });
    const [pod] = await appPods(namespace, app.id);
    await appendPodLog(kubeConfig, namespace, pod!, ["start"]);
    const abort = new AbortController();
    const { openAppLogStream } = await import("@/server/logs/open-app-log-stream");
    const { streamAppLogs } = await import("@/server/logs/stream-app-logs");
    const opened = await openAppLogStream({ userId: members.VIEWER!.id, appId: app.id, params: new URLSearchParams(), lastEventId: null });
    expect(opened.ok).toBe(true);
    const { defaultClusterConfig } = await import("@/server/cluster");
    let maxQueued = 0;
    const events = streamAppLogs({
      kubeconfig: defaultClusterConfig(), namespace, appId: app.id, appName: "web", filter: null, resume: null, signal: abort.signal,
      options: { tail: 10, since: undefined, pods: [], containers: [], filter: "", regex: false },
      limits: { highWaterLines: 200, lowWaterLines: 50, batchLines: 50, onQueue: (queued) => (maxQueued = Math.max(maxQueued, queued)) },
    });
    const received: string[] = [];
    let ready!: () => void;
    const live = new Promise<void>((resolve) => (ready = resolve));
    const reading = (async () => {
      for await (const event of events) {
        if (event.kind === "ready") ready();
        if (event.kind === "lines") received.push(...event.lines.map((line) => line[3]));
        await new Promise((resolve) => setTimeout(resolve, 20)); // 50 lines per 20 ms at most: a slow client
        if (received.length >= 5_001) break;
      }
    })();
    await live;
    const total = 5_000;
    for (let chunk = 0; chunk < total; chunk += 1_000) {
      await appendPodLog(kubeConfig, namespace, pod!, Array.from({ length: 1_000 }, (_, index) => `line ${chunk + index}`));
    }
    await reading;
    abort.abort();
    expect(received.slice(1)).toEqual(Array.from({ length: total }, (_, index) => `line ${index}`));
    // Paused at the high-water mark: what was read but not sent stayed near 200 lines, not 5,000.
    expect(maxQueued).toBeLessThan(200 + 2_000);
  });
});
