/**
 * Follows the pods of one app: the current list first, then every change, so a log stream can
 * start reading a pod the moment it appears (a rollout, a scale-up) and mark one that ends.
 * The watch restarts by itself after the server closes it or it expires (410: relist).
 */
import { Watch } from "@kubernetes/client-node";
import { plain } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { kubeConfigOf } from "./cluster-config";
import { listAppPods, appPodSelector } from "./list-app-pods";
import { summarizePod, type PodLike, type PodSummary } from "./pod-summary";

export type PodChange = { type: "present"; pod: PodSummary } | { type: "deleted"; pod: PodSummary };

export interface WatchAppPodsInput {
  kubeconfig: ClusterConfig;
  namespace: string;
  appId: string;
  signal: AbortSignal;
  /** Every pod once when the watch (re)starts, then each change. */
  onChange: (change: PodChange) => void;
  /** A watch could not be (re)started; it keeps retrying. */
  onError?: (error: unknown) => void;
}

/** Resolves once the initial list has been delivered; keeps watching until the signal fires. */
export async function watchAppPods({ kubeconfig, namespace, appId, signal, onChange, onError }: WatchAppPodsInput): Promise<void> {
  const watch = new Watch(kubeConfigOf(kubeconfig));
  let known = new Map<string, PodSummary>();
  let controller: AbortController | undefined;
  let retry: NodeJS.Timeout | undefined;
  signal.addEventListener("abort", () => {
    clearTimeout(retry);
    controller?.abort();
  }, { once: true });

  const relist = async () => {
    const { pods, resourceVersion } = await listAppPods({ kubeconfig, namespace, appId, signal });
    const next = new Map(pods.map((pod) => [pod.name, pod]));
    // Pods that went while no watch was running.
    for (const [name, pod] of known) if (!next.has(name)) onChange({ type: "deleted", pod });
    known = next;
    for (const pod of pods) onChange({ type: "present", pod });
    return resourceVersion;
  };

  const start = async (resourceVersion: string | undefined): Promise<void> => {
    if (signal.aborted) return;
    let expired = false;
    try {
      controller = await watch.watch(
        `/api/v1/namespaces/${namespace}/pods`,
        { labelSelector: appPodSelector(appId), resourceVersion, allowWatchBookmarks: true },
        (type, object) => {
          if (type === "BOOKMARK") return;
          if (type === "ERROR") {
            if ((object as { code?: number })?.code === 410) expired = true;
            return;
          }
          const pod = summarizePod(plain<PodLike>(object));
          if (type === "DELETED") {
            known.delete(pod.name);
            onChange({ type: "deleted", pod });
          } else {
            known.set(pod.name, pod);
            onChange({ type: "present", pod });
          }
        },
        () => {
          if (signal.aborted) return;
          retry = setTimeout(() => void restart(), expired ? 0 : 1_000);
        },
      );
      if (signal.aborted) controller.abort();
    } catch (error) {
      if (signal.aborted) return;
      onError?.(error);
      retry = setTimeout(() => void restart(), 2_000);
    }
  };

  // After a close, a drop or an expiry, a fresh list catches what happened in between.
  const restart = async () => {
    if (signal.aborted) return;
    try {
      await start(await relist());
    } catch (error) {
      if (signal.aborted) return;
      onError?.(error);
      retry = setTimeout(() => void restart(), 2_000);
    }
  };

  const resourceVersion = await relist();
  await start(resourceVersion);
}
