/**
 * Scaling is not a release (as on Heroku or Render): replicas, autoscaling and resources live
 * in the app's settings, and whatever release runs is applied with them. Every path that puts
 * a release on the cluster — a deploy, a rollback, a scaling change, drift detection's render —
 * goes through withAppScaling, so the cluster always has the app's current scaling and a
 * scaling change never looks like drift. Pure.
 */
import type { RunSettings } from "@/server/apps/run-settings";

export type ScalingFields = Pick<RunSettings, "replicas" | "autoscaling" | "resources">;

export function scalingFields(settings: RunSettings): ScalingFields {
  return { replicas: settings.replicas, autoscaling: settings.autoscaling, resources: settings.resources };
}

/** `settings` (a release's) with the scaling of `appSettings` (the app's current ones). */
export function withScalingOf(settings: RunSettings, appSettings: RunSettings): RunSettings {
  return { ...settings, ...structuredClone(scalingFields(appSettings)) };
}

export interface AppScalingState {
  settings: RunSettings;
  /** Non-null while paused: the count resume goes back to. */
  pausedReplicas: number | null;
}

/**
 * The settings to apply: the release's, with the app's scaling. A paused app runs no pod, and
 * its autoscaler is removed while paused (an HPA cannot scale below one), keeping its
 * configuration for the resume.
 */
export function withAppScaling(settings: RunSettings, app: AppScalingState): RunSettings {
  const scaled = withScalingOf(settings, app.settings);
  if (app.pausedReplicas === null) return scaled;
  return { ...scaled, replicas: 0, autoscaling: { ...scaled.autoscaling, enabled: false } };
}
