import { describe, expect, it } from "vitest";
import { defaultRunSettings, runSettingsSchema } from "@/server/apps/run-settings";
import { withAppScaling, withScalingOf } from "@/server/scaling/live-scaling";

const release = runSettingsSchema.parse({ replicas: 1, env: [{ name: "MODE", value: "old" }], resources: { preset: "small" } });
const app = runSettingsSchema.parse({ replicas: 4, env: [{ name: "MODE", value: "new" }], resources: { preset: "large" }, autoscaling: { enabled: true, min: 2, max: 8, cpuPercent: 70 } });

describe("a release runs with the app's current scaling", () => {
  it("takes replicas, autoscaling and resources from the app, everything else from the release", () => {
    const scaled = withAppScaling(release, { settings: app, pausedReplicas: null });
    expect(scaled).toMatchObject({ replicas: 4, resources: { preset: "large" }, autoscaling: { enabled: true, min: 2, max: 8, cpuPercent: 70 } });
    expect(scaled.env).toEqual([{ name: "MODE", value: "old" }]);
    expect(withScalingOf(release, app).replicas).toBe(4);
  });

  it("a paused app runs no pod and no autoscaler, keeping the autoscaling for the resume", () => {
    const scaled = withAppScaling(release, { settings: { ...app, replicas: 0 }, pausedReplicas: 4 });
    expect(scaled.replicas).toBe(0);
    expect(scaled.autoscaling).toMatchObject({ enabled: false, min: 2, max: 8 });
    expect(app.autoscaling.enabled).toBe(true);
  });

  it("does not share objects with the app's settings", () => {
    const scaled = withAppScaling(defaultRunSettings(), { settings: app, pausedReplicas: null });
    scaled.autoscaling.max = 99;
    expect(app.autoscaling.max).toBe(8);
  });
});
