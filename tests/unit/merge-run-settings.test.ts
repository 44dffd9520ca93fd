import { describe, expect, it } from "vitest";
import { defaultRunSettings } from "@/server/apps/run-settings";
import { mergeRunSettings } from "@/server/releases/merge-run-settings";

describe("run settings from slipway.yaml", () => {
  it("the file's values win over the app's, and the sources are listed", () => {
    const app = { ...defaultRunSettings(), port: 3000, env: [{ name: "DATABASE_URL", value: "postgres://db" }] };
    const merged = mergeRunSettings(app, { port: 8080, command: "node server.js", healthCheck: { path: "/healthz" }, env: ["DATABASE_URL", "API_KEY"] });
    expect(merged.settings.port).toBe(8080);
    expect(merged.settings.command).toEqual(["/bin/sh", "-c", "node server.js"]);
    expect(merged.settings.healthCheck).toEqual({ type: "http", path: "/healthz" });
    expect(merged.fromFile).toEqual(["port", "command", "healthCheck"]);
    expect(merged.missingEnv).toEqual(["API_KEY"]);
    expect(app.port).toBe(3000);
  });

  it("a secret satisfies a variable the file names", () => {
    const merged = mergeRunSettings({ ...defaultRunSettings(), secrets: ["API_KEY"] }, { env: ["API_KEY"] });
    expect(merged.missingEnv).toEqual([]);
  });

  it("replicas from the file do not fight autoscaling", () => {
    const app = { ...defaultRunSettings(), autoscaling: { enabled: true, min: 2, max: 5 } };
    expect(mergeRunSettings(app, { replicas: 1 }).settings.replicas).toBe(app.replicas);
  });
});
