/**
 * Follows one Deployment's rollout until it is available or has failed, reporting progress as
 * it goes (the worker records it as the release's timeline and streams it to the page).
 *
 * Watches on the Deployment and its pods only say *when* to look; each look reads the
 * Deployment, its ReplicaSets and pods afresh and evaluates them (rollout-status.ts). That keeps
 * the logic free of cache bookkeeping: a watch that expires (410 Gone) or drops is simply
 * restarted after a fresh read, and a slow poll covers a watch that dies silently.
 */
import { Watch } from "@kubernetes/client-node";
import { plain } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { ClusterError, isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";
import { evaluateRollout, type DeploymentLike, type RolloutProgress } from "./rollout-status";

export type { RolloutPhase, RolloutProgress } from "./rollout-status";

export interface WatchRolloutInput {
  kubeconfig: ClusterConfig;
  namespace: string;
  deploymentName: string;
  /** The generation applyRelease returned: older observations do not count. */
  expectedGeneration?: number;
  /** Give up (phase "failed", reason "WatchTimeout") after this long; the Deployment's own deadline usually decides first. */
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (progress: RolloutProgress) => void;
  /** Fallback re-read interval; default 5 s. */
  pollIntervalMs?: number;
  /** How long the cluster may stay unreachable before the watch gives up with "unreachable"; default 30 s. */
  unreachableGraceMs?: number;
}

/**
 * Resolves with the final progress (phase "available" or "failed"). Throws ClusterError
 * "unreachable" when the cluster stays away (the worker may call again: it is idempotent),
 * "aborted" when the signal fires, or forbidden/unauthorized.
 */
export function watchRollout(options: WatchRolloutInput): Promise<RolloutProgress> {
  const { kubeconfig, namespace, deploymentName, expectedGeneration, timeoutMs, signal, onProgress } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const unreachableGraceMs = options.unreachableGraceMs ?? 30_000;
  const stop = new AbortController();
  const api = kubeApi(kubeconfig, { signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal, timeoutMs: 10_000 });
  const watch = new Watch(api.kubeConfig);

  return new Promise<RolloutProgress>((resolve, reject) => {
    let finished = false;
    let last: RolloutProgress | undefined;
    let lastKey = "";
    let unreachableSince: number | undefined;
    let evaluating = false;
    let again = false;
    let debounce: NodeJS.Timeout | undefined;
    let podSelector: string | undefined;
    const watches: { deployment?: AbortController; pods?: AbortController } = {};
    const timers: NodeJS.Timeout[] = [];
    let poller: NodeJS.Timeout | undefined;

    const finish = (outcome: { progress: RolloutProgress } | { error: ClusterError }) => {
      if (finished) return;
      finished = true;
      clearTimeout(debounce);
      timers.forEach(clearTimeout);
      clearInterval(poller);
      watches.deployment?.abort();
      watches.pods?.abort();
      stop.abort();
      signal?.removeEventListener("abort", onAbort);
      if ("progress" in outcome) resolve(outcome.progress);
      else reject(outcome.error);
    };

    const emit = (progress: RolloutProgress) => {
      last = progress;
      const key = JSON.stringify(progress);
      if (key === lastKey) return;
      lastKey = key;
      try {
        onProgress?.(progress);
      } catch {
        // A failing listener must not stop the watch; the worker records the final result anyway.
      }
    };

    const look = async () => {
      if (finished) return;
      if (evaluating) {
        again = true;
        return;
      }
      evaluating = true;
      try {
        const progress = await readProgress();
        unreachableSince = undefined;
        if (finished) return;
        emit(progress);
        if (progress.phase === "available" || progress.phase === "failed") finish({ progress });
      } catch (error) {
        if (finished) return;
        const clusterError = error instanceof ClusterError ? error : new ClusterError("unreachable", String(error), { cause: error });
        if (clusterError.code === "aborted") return;
        if (clusterError.code !== "unreachable") return finish({ error: clusterError });
        unreachableSince ??= Date.now();
        if (Date.now() - unreachableSince > unreachableGraceMs) finish({ error: clusterError });
      } finally {
        evaluating = false;
        if (again && !finished) {
          again = false;
          if (urgent) lookNow();
          else schedule();
        }
      }
    };

    // Pod and Deployment events come in bursts; one look after the burst is enough for the
    // progress, and every look costs the API server three requests. A burst that goes on (a big
    // rollout) still gets a look every second.
    let burstSince: number | undefined;
    const schedule = () => {
      clearTimeout(debounce);
      burstSince ??= Date.now();
      const wait = Math.max(0, Math.min(100, burstSince + 1_000 - Date.now()));
      debounce = setTimeout(() => {
        burstSince = undefined;
        void look();
      }, wait);
    };
    // An event whose Deployment is already available ends the rollout: look at once, the way
    // `kubectl rollout status` ends on the event itself (the look still reads everything afresh).
    let urgent = false;
    const lookNow = () => {
      clearTimeout(debounce);
      burstSince = undefined;
      urgent = evaluating;
      void look();
    };

    const readDeployment = async () => {
      try {
        return plain(await api.call(`reading Deployment ${deploymentName}`, () => api.apps.readNamespacedDeployment({ name: deploymentName, namespace })));
      } catch (error) {
        if (isClusterError(error, "not_found")) return undefined;
        throw error;
      }
    };
    const readPods = (selector: string) =>
      Promise.all([
        api.call("listing ReplicaSets", () => api.apps.listNamespacedReplicaSet({ namespace, labelSelector: selector })),
        api.call("listing pods", () => api.core.listNamespacedPod({ namespace, labelSelector: selector })),
      ]);

    const readProgress = async (): Promise<RolloutProgress> => {
      // A Deployment's selector never changes: once known, the three reads go out together.
      const known = podSelector;
      const [deployment, early] = await Promise.all([readDeployment(), known ? readPods(known) : undefined]);
      if (!deployment) return evaluateRollout({ deployment: undefined });
      const matchLabels = (deployment as { spec?: { selector?: { matchLabels?: Record<string, string> } } }).spec?.selector?.matchLabels ?? {};
      const selector = Object.entries(matchLabels).map(([key, value]) => `${key}=${value}`).join(",");
      const [replicaSets, pods] = early && selector === known ? early : await readPods(selector);
      if (selector && selector !== podSelector) {
        podSelector = selector;
        startWatch("pods", `/api/v1/namespaces/${namespace}/pods`, { labelSelector: selector, resourceVersion: pods.metadata?.resourceVersion });
      }
      return evaluateRollout({ deployment, replicaSets: plain(replicaSets.items), pods: plain(pods.items), expectedGeneration });
    };

    const startWatch = (which: "deployment" | "pods", path: string, query: Record<string, string | undefined>) => {
      if (finished) return;
      watches[which]?.abort();
      const params: Record<string, string | boolean | undefined> = { ...query, allowWatchBookmarks: true };
      let expired = false;
      watch
        .watch(
          path,
          params,
          (type, object) => {
            if (type === "ERROR" && (object as { code?: number })?.code === 410) expired = true;
            if (type === "BOOKMARK") return;
            if (which === "deployment" && type !== "ERROR" && type !== "DELETED" && evaluateRollout({ deployment: object as DeploymentLike, expectedGeneration }).phase === "available") lookNow();
            else schedule();
          },
          () => {
            // Closed by the server, dropped, or expired (410): read afresh, then watch from "now".
            if (finished) return;
            schedule();
            timers.push(setTimeout(() => startWatch(which, path, { ...query, resourceVersion: undefined }), expired ? 0 : 1_000));
          },
        )
        .then((controller) => {
          if (finished) controller.abort();
          else watches[which] = controller;
        })
        .catch(() => {
          if (!finished) timers.push(setTimeout(() => startWatch(which, path, { ...query, resourceVersion: undefined }), 1_000));
        });
    };

    const onAbort = () => finish({ error: new ClusterError("aborted", `Stopped watching the rollout of ${deploymentName}.`) });
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });

    poller = setInterval(() => void look(), pollIntervalMs);
    timers.push(
      setTimeout(() => {
        const current = last ?? { phase: "pending", desired: 0, updated: 0, ready: 0, available: 0, restarts: 0 };
        const progress: RolloutProgress = {
          ...current,
          phase: "failed",
          reason: "WatchTimeout",
          message: `The rollout did not finish within ${Math.round(timeoutMs / 1000)} s${current.message ? ` (last: ${current.message})` : ""}.`,
        };
        emit(progress);
        finish({ progress });
      }, timeoutMs),
    );

    emit({ phase: "pending", desired: 0, updated: 0, ready: 0, available: 0, restarts: 0, message: "Waiting for the rollout to start." });
    startWatch("deployment", `/apis/apps/v1/namespaces/${namespace}/deployments`, { fieldSelector: `metadata.name=${deploymentName}` });
    void look();
  });
}
