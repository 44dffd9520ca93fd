import { describe, expect, it } from "vitest";
import { defaultRunSettings } from "@/server/apps/run-settings";
import { changedSecretNames, settingsChanges } from "@/server/releases/settings-diff";

describe("what a release changes", () => {
  it("names the settings keys that differ, env by name and secrets without values", () => {
    const before = { ...defaultRunSettings(), env: [{ name: "A", value: "1" }, { name: "B", value: "2" }], secrets: ["TOKEN"] };
    const after = { ...before, port: 9000, env: [{ name: "A", value: "1" }, { name: "C", value: "3" }], secrets: ["TOKEN", "KEY"] };
    expect(settingsChanges(before, after, ["TOKEN"])).toEqual(["port", "env B", "env C", "secret KEY", "secret TOKEN"]);
  });

  it("a first release has nothing to compare with", () => {
    expect(settingsChanges(null, defaultRunSettings())).toEqual(["first release"]);
  });

  it("finds secrets whose values changed", () => {
    expect(changedSecretNames({ A: "1", B: "2" }, { A: "1", B: "3", C: "4" })).toEqual(["B", "C"]);
  });
});
