import "server-only";
import type { Actor } from "@/server/actor";
import type { ResourceSettings, RunSettings } from "@/server/apps/run-settings";
import { preconditionFailed } from "@/server/errors";
import { saveScaling } from "@/server/scaling/save-scaling";

type Who = { teamId: string; appId: string; actor: Actor };

/** Sets the replica count (0 pauses nothing: it is just zero; use pauseApp to come back to the count). A paused app resumes at the new count. */
export function setReplicas({ replicas, ...who }: Who & { replicas: number }) {
  return saveScaling({ ...who, action: "app.scale", change: () => ({ settings: { replicas }, pausedReplicas: null }) });
}

/** Scales to zero, remembering the count for resumeApp. */
export function pauseApp(who: Who) {
  return saveScaling({
    ...who,
    action: "app.pause",
    change: (current, pausedReplicas) => {
      if (pausedReplicas !== null) throw preconditionFailed("The app is already paused.");
      return { settings: { replicas: 0 }, pausedReplicas: Math.max(1, current.replicas) };
    },
  });
}

/** Back to the count it had before the pause. */
export function resumeApp(who: Who) {
  return saveScaling({
    ...who,
    action: "app.resume",
    change: (_current, pausedReplicas) => {
      if (pausedReplicas === null) throw preconditionFailed("The app is not paused.");
      return { settings: { replicas: Math.max(1, pausedReplicas) }, pausedReplicas: null };
    },
  });
}

/** Turns the HorizontalPodAutoscaler on or off, with its bounds and targets. A paused app stays paused. */
export function setAutoscaling({ autoscaling, ...who }: Who & { autoscaling: RunSettings["autoscaling"] }) {
  return saveScaling({ ...who, action: "app.autoscaling", change: (_current, pausedReplicas) => ({ settings: { autoscaling }, pausedReplicas }) });
}

/** A resource preset (or custom requests and limits): a rolling update of the pods. */
export function setResources({ resources, ...who }: Who & { resources: ResourceSettings }) {
  return saveScaling({ ...who, action: "app.resources", change: (_current, pausedReplicas) => ({ settings: { resources }, pausedReplicas }) });
}
