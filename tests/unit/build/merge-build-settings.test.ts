import { describe, expect, it } from "vitest";
import { buildSettingsSchema } from "@/server/build/build-settings";
import { mergeBuildSettings } from "@/server/build/merge-build-settings";

describe("effective build settings", () => {
  it("uses defaults when neither the app nor the repository says anything", () => {
    expect(mergeBuildSettings(null, undefined)).toEqual({
      rootDirectory: { value: "", source: "default" },
      dockerfilePath: { value: "Dockerfile", source: "default" },
      preset: { value: "auto", source: "default" },
      testCommand: { value: null, source: "default" },
      buildArgs: {},
      run: {},
    });
  });

  it("takes the app's settings where slipway.yaml is silent", () => {
    const merged = mergeBuildSettings(
      { rootDirectory: "services/api", dockerfilePath: "Dockerfile.prod", preset: null, testCommand: "make test", buildArgs: { A: "1" } },
      { run: { port: 8080 } },
    );
    expect(merged.rootDirectory).toEqual({ value: "services/api", source: "app settings" });
    expect(merged.dockerfilePath).toEqual({ value: "Dockerfile.prod", source: "app settings" });
    expect(merged.testCommand).toEqual({ value: "make test", source: "app settings" });
    expect(merged.buildArgs).toEqual({ A: { value: "1", source: "app settings" } });
    expect(merged.run).toEqual({ port: { value: 8080, source: "slipway.yaml" } });
  });

  it("lets slipway.yaml win, value by value, build arg by build arg", () => {
    const merged = mergeBuildSettings(
      { preset: "python", testCommand: "pytest", buildArgs: { A: "app", B: "app" } },
      { build: { preset: "node", testCommand: "npm test", buildArgs: { B: "file", C: "file" } }, run: { env: ["API_KEY"] } },
    );
    expect(merged.preset).toEqual({ value: "node", source: "slipway.yaml" });
    expect(merged.testCommand).toEqual({ value: "npm test", source: "slipway.yaml" });
    expect(merged.buildArgs).toEqual({
      A: { value: "app", source: "app settings" },
      B: { value: "file", source: "slipway.yaml" },
      C: { value: "file", source: "slipway.yaml" },
    });
    expect(merged.run.env).toEqual({ value: ["API_KEY"], source: "slipway.yaml" });
  });

  it("builds the Dockerfile slipway.yaml names, even when the app chose a preset", () => {
    const merged = mergeBuildSettings({ preset: "node" }, { build: { dockerfile: "deploy/Dockerfile" } });
    expect(merged.dockerfilePath).toEqual({ value: "deploy/Dockerfile", source: "slipway.yaml" });
    expect(merged.preset).toEqual({ value: "auto", source: "slipway.yaml" });
  });

  it("treats empty strings from a form as not set", () => {
    const merged = mergeBuildSettings({ rootDirectory: "", dockerfilePath: "", testCommand: "   " }, undefined);
    expect(merged.rootDirectory.source).toBe("default");
    expect(merged.dockerfilePath.source).toBe("default");
    expect(merged.testCommand).toEqual({ value: null, source: "default" });
  });
});

describe("stored build settings", () => {
  it("normalises and validates what the settings form sends", () => {
    expect(buildSettingsSchema.parse({ rootDirectory: "./apps/web/", dockerfilePath: "", preset: "auto", testCommand: " npm test " })).toEqual({
      rootDirectory: "apps/web",
      dockerfilePath: null,
      preset: "auto",
      testCommand: "npm test",
    });
    const bad = buildSettingsSchema.safeParse({ rootDirectory: "../x", buildArgs: { "BAD-NAME": "1" } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join("."))).toEqual(["rootDirectory", "buildArgs.BAD-NAME"]);
  });
});
