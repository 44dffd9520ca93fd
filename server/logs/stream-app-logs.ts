import "server-only";
import { isClusterError, watchAppPods, type ClusterConfig, type PodChange, type PodSummary } from "@/server/cluster";
import { advance, encodeCursor, sourceKey, type LogCursor } from "./log-cursor";
import { ContainerLogFollower, sleep, type StartFrom } from "./container-log-follower";
import type { LogFilter } from "./log-filter";
import { nowTimestamp } from "./log-line";
import type { LogStreamOptions } from "./log-options";
import { readLogBacklog } from "./read-log-backlog";

/** [pod, container, timestamp (RFC 3339, nanoseconds), text] */
export type LogWireLine = [string, string, string, string];

export interface LogPodInfo {
  name: string;
  status: string;
  phase: string;
  ready: string;
  restarts: number;
  containers: string[];
  /** Its lines are in this stream (all pods are, unless the viewer picked some). */
  followed: boolean;
  lastTermination: string | null;
  createdAt: string | null;
}

export type AppLogEvent =
  | { kind: "lines"; cursor: string; lines: LogWireLine[] }
  /** present: there when the stream started; joined: appeared during it; changed: its status moved; ended: deleted. */
  | { kind: "pod"; cursor: string; change: "present" | "joined" | "changed" | "ended"; pod: LogPodInfo }
  /** The history asked for (tail/since) has been sent; what follows is live. */
  | { kind: "ready"; cursor: string }
  | { kind: "notice"; level: "info" | "warning"; message: string };

export interface AppLogStreamInput {
  kubeconfig: ClusterConfig;
  namespace: string;
  appId: string;
  appName: string;
  options: LogStreamOptions;
  filter: LogFilter | null;
  /** From Last-Event-ID: continue exactly after what the viewer has. */
  resume: LogCursor | null;
  signal: AbortSignal;
  limits?: { highWaterLines?: number; lowWaterLines?: number; batchLines?: number; /** For tests: the queue's length after each line read. */ onQueue?: (queuedLines: number, paused: boolean) => void };
}

const BATCH_LINES = 500;
const BATCH_CHARS = 256 * 1024;
// Backpressure: above this many lines read but not yet sent, every pod's stream is paused (TCP
// then holds the API server back); below the low mark they read again. Nothing is dropped.
const HIGH_WATER_LINES = 4_000;
const LOW_WATER_LINES = 1_000;
// A deleted pod's last lines may still be on their way.
const ENDED_GRACE_MS = 1_500;

type QueueItem = { type: "line"; key: string; pod: string; container: string; ts: string; text: string } | { type: "event"; event: AppLogEvent | PendingPodEvent };
type PendingPodEvent = { kind: "pod-pending"; change: "present" | "joined" | "changed" | "ended"; pod: LogPodInfo };

interface PodState {
  summary: PodSummary;
  isNew: boolean;
  ended: boolean;
  followers: Map<string, ContainerLogFollower>;
}

/**
 * The live log of every pod of an app, merged into one stream: the history asked for (the last
 * `tail` lines, or those `since`), then each new line as the API server delivers it. Pods that
 * appear (a rollout, a scale-up) join without a reconnect; pods that are deleted are marked
 * ended. Each batch of lines carries a cursor (see log-cursor.ts) to resume from.
 *
 * Memory per viewer is bounded: lines read from the cluster wait in one queue of at most a few
 * thousand lines; when the viewer reads slower than the pods write, the pod streams are paused
 * and TCP backpressure holds the API server (and the kubelet) back. Lines are delayed, never
 * dropped. The generator itself is pulled by the HTTP response, so it only runs as fast as the
 * client reads.
 */
export async function* streamAppLogs(input: AppLogStreamInput): AsyncGenerator<AppLogEvent> {
  const { kubeconfig, namespace, appId, appName, options, filter, resume } = input;
  const highWater = input.limits?.highWaterLines ?? HIGH_WATER_LINES;
  const lowWater = input.limits?.lowWaterLines ?? LOW_WATER_LINES;
  const batchLines = input.limits?.batchLines ?? BATCH_LINES;
  const stop = new AbortController();
  const signal = AbortSignal.any([input.signal, stop.signal]);

  const cursor: LogCursor = { startedAt: resume?.startedAt ?? Math.floor(Date.now() / 1000), positions: new Map(resume?.positions ?? []) };
  const startedAtIso = new Date(cursor.startedAt * 1000).toISOString();
  const startedAtTs = nowTimestamp();
  const selectedPods = options.pods.length > 0 ? new Set(options.pods) : null;
  const selectedContainers = options.containers.length > 0 ? new Set(options.containers) : null;
  const pods = new Map<string, PodState>();
  let following = false;
  let initialListDone = false;

  // The queue between the pod streams (producers) and this generator (consumer).
  let queue: QueueItem[] = [];
  let head = 0;
  let queuedLines = 0;
  let paused = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const push = (item: QueueItem) => {
    queue.push(item);
    if (item.type === "line") {
      queuedLines += 1;
      input.limits?.onQueue?.(queuedLines, paused);
      if (!paused && queuedLines >= highWater) {
        paused = true;
        for (const state of pods.values()) for (const follower of state.followers.values()) follower.pause();
      }
    }
    notify();
  };
  const notices = new Set<string>();
  const notice = (level: "info" | "warning", message: string) => {
    if (notices.has(message)) return;
    notices.add(message);
    push({ type: "event", event: { kind: "notice", level, message } });
  };

  const isFollowed = (name: string) => !selectedPods || selectedPods.has(name);
  const containersOf = (summary: PodSummary) => summary.containers.filter((container) => !selectedContainers || selectedContainers.has(container.name));
  const podInfo = (state: PodState): LogPodInfo => ({
    name: state.summary.name,
    status: state.ended ? "Ended" : state.summary.status,
    phase: state.summary.phase,
    ready: `${state.summary.readyContainers}/${state.summary.totalContainers}`,
    restarts: state.summary.restarts,
    containers: state.summary.containers.map((container) => container.name),
    followed: isFollowed(state.summary.name),
    lastTermination: state.summary.lastTermination ? `${state.summary.lastTermination.reason}${state.summary.lastTermination.exitCode !== undefined ? ` (exit ${state.summary.lastTermination.exitCode})` : ""}` : null,
    createdAt: state.summary.createdAt,
  });
  const podKeyOf = (summary: PodSummary) => `${summary.status}|${summary.readyContainers}|${summary.restarts}|${summary.phase}|${summary.deleting}`;

  const startFromFor = (state: PodState, key: string): StartFrom => {
    const position = cursor.positions.get(key);
    if (position) return { position };
    if (resume) return { sinceTime: startedAtIso };
    if (state.isNew) return { all: true };
    // Only new lines: from the moment the stream started (not "from the end of the file when the
    // request gets there", which would lose what is written in between).
    if (options.tail === 0) return { position: { ts: startedAtTs, n: 0 } };
    if (options.since) return { sinceSeconds: options.since };
    return { all: true };
  };

  const ensureFollowers = (state: PodState) => {
    if (!following || state.ended || !isFollowed(state.summary.name)) return;
    for (const container of containersOf(state.summary)) {
      if (!container.started || state.followers.has(container.name)) continue;
      const key = sourceKey(state.summary.name, container.name);
      const follower = new ContainerLogFollower({
        kubeconfig, namespace, pod: state.summary.name, container: container.name, key, signal,
        startFrom: startFromFor(state, key),
        fallbackSince: startedAtIso,
        onLine: (line) => push({ type: "line", ...line }),
        onProblem: (message) => notice("warning", message),
        isPaused: () => paused,
      });
      state.followers.set(container.name, follower);
      void follower.run();
    }
  };

  const onPodChange = (change: PodChange) => {
    const name = change.pod.name;
    let state = pods.get(name);
    if (change.type === "deleted") {
      if (!state || state.ended) return;
      state.ended = true;
      const ended = state;
      setTimeout(() => {
        for (const follower of ended.followers.values()) follower.stop();
        push({ type: "event", event: { kind: "pod-pending", change: "ended", pod: podInfo(ended) } });
      }, ENDED_GRACE_MS).unref?.();
      return;
    }
    if (!state) {
      state = { summary: change.pod, isNew: initialListDone, ended: false, followers: new Map() };
      pods.set(name, state);
      push({ type: "event", event: { kind: "pod-pending", change: initialListDone ? "joined" : "present", pod: podInfo(state) } });
    } else {
      const before = podKeyOf(state.summary);
      state.summary = change.pod;
      if (state.ended) return;
      if (podKeyOf(change.pod) !== before) push({ type: "event", event: { kind: "pod-pending", change: "changed", pod: podInfo(state) } });
    }
    ensureFollowers(state);
  };

  const takeItem = (): QueueItem | undefined => {
    if (head >= queue.length) return undefined;
    const item = queue[head]!;
    queue[head] = undefined as never;
    head += 1;
    if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    if (item.type === "line") queuedLines -= 1;
    return item;
  };
  const peekItem = (): QueueItem | undefined => (head < queue.length ? queue[head] : undefined);
  const finishEvent = (event: AppLogEvent | PendingPodEvent): AppLogEvent =>
    event.kind === "pod-pending" ? { kind: "pod", change: event.change, pod: event.pod, cursor: encodeCursor(cursor, appName) } : event;

  try {
    try {
      await watchAppPods({
        kubeconfig, namespace, appId, signal, onChange: onPodChange,
        onError: (error) => notice("warning", `Lost sight of the app's pods for a moment: ${isClusterError(error) ? error.message : String(error)} Retrying.`),
      });
    } catch (error) {
      if (signal.aborted) return;
      if (!isClusterError(error)) throw error;
      yield { kind: "notice", level: "warning", message: `Cannot read the app's pods: ${error.message}` };
      return;
    }
    initialListDone = true;
    if (selectedPods) {
      for (const name of selectedPods) if (!pods.has(name)) yield { kind: "notice", level: "info", message: `Pod ${name} is not running any more.` };
    }
    if (pods.size === 0) yield { kind: "notice", level: "info", message: "No pods are running for this app right now; their lines will appear here when they start." };

    // Present pods first, then the history asked for, in time order across pods.
    for (let item = peekItem(); item && item.type === "event"; item = peekItem()) yield finishEvent((takeItem() as { event: AppLogEvent | PendingPodEvent }).event);
    if (!resume && options.tail > 0) {
      const sources = [...pods.values()]
        .filter((state) => isFollowed(state.summary.name))
        .flatMap((state) => containersOf(state.summary).filter((container) => container.started).map((container) => ({ pod: state.summary.name, container: container.name })));
      const backlog = await readLogBacklog({
        kubeconfig, namespace, sources, tail: options.tail, sinceSeconds: options.since, signal,
        onProblem: (source, message) => notice("warning", `Could not read ${source.pod}: ${message}`),
      });
      const skipped = backlog.all.length - backlog.kept.length;
      for (let index = 0; index < skipped; index += 1) {
        const line = backlog.all[index]!;
        const key = sourceKey(line.pod, line.container);
        cursor.positions.set(key, advance(cursor.positions.get(key), line.ts));
      }
      let batch: LogWireLine[] = [];
      for (const line of backlog.kept) {
        const key = sourceKey(line.pod, line.container);
        cursor.positions.set(key, advance(cursor.positions.get(key), line.ts));
        if (filter && !filter(line.text)) continue;
        batch.push([line.pod, line.container, line.ts, line.text]);
        if (batch.length >= batchLines) {
          yield { kind: "lines", cursor: encodeCursor(cursor, appName), lines: batch };
          batch = [];
        }
      }
      if (batch.length > 0) yield { kind: "lines", cursor: encodeCursor(cursor, appName), lines: batch };
    }
    following = true;
    for (const state of pods.values()) ensureFollowers(state);
    // "ready" means live: wait (a little) until every pod's stream is open.
    const opening = [...pods.values()].flatMap((state) => [...state.followers.values()].map((follower) => follower.opened));
    await Promise.race([Promise.all(opening), sleep(3_000, signal)]);
    yield { kind: "ready", cursor: encodeCursor(cursor, appName) };

    while (!signal.aborted) {
      const next = peekItem();
      if (!next) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (signal.aborted) resolve();
        });
        continue;
      }
      if (next.type === "event") {
        takeItem();
        yield finishEvent(next.event);
        continue;
      }
      const lines: LogWireLine[] = [];
      let chars = 0;
      while (lines.length < batchLines && chars < BATCH_CHARS) {
        const item = peekItem();
        if (!item || item.type !== "line") break;
        takeItem();
        cursor.positions.set(item.key, advance(cursor.positions.get(item.key), item.ts));
        if (filter && !filter(item.text)) continue;
        lines.push([item.pod, item.container, item.ts, item.text]);
        chars += item.text.length + 64;
      }
      if (paused && queuedLines <= lowWater) {
        paused = false;
        for (const state of pods.values()) for (const follower of state.followers.values()) follower.resume();
      }
      if (lines.length > 0) yield { kind: "lines", cursor: encodeCursor(cursor, appName), lines };
    }
  } finally {
    stop.abort();
    for (const state of pods.values()) for (const follower of state.followers.values()) follower.stop();
    notify();
  }
}
