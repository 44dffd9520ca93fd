// Shared by the adapter's integration tests: a release input for a fresh app in a namespace of
// its own (Slipway creates and labels it; the test deletes it afterwards), and the test
// cluster's kubeconfig as the adapter sees it: parsed text, like a team's pasted kubeconfig.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll } from "vitest";
import { ApiException, type CoreV1Api } from "@kubernetes/client-node";
import { runSettingsSchema, type RunSettingsInput } from "@/server/apps/run-settings";
import { parseKubeconfig } from "@/server/cluster/parse-kubeconfig";
import type { ReleaseManifestInput } from "@/server/cluster/render/types";
import { testKubeconfigPath } from "../helpers/test-cluster";

export function testClusterConfig() {
  return parseKubeconfig(readFileSync(testKubeconfigPath, "utf8"), { allowExec: false, allowFiles: false });
}

export const digest = (char: string) => `registry.example/shop/web@sha256:${char.repeat(64)}`;

export interface TestApp {
  base: Omit<ReleaseManifestInput, "release">;
  release(version: number, settings: RunSettingsInput, options?: { image?: string; secrets?: Record<string, string>; extraPodLabels?: Record<string, string> }): ReleaseManifestInput;
}

/** A team/project/environment/app with random ids and a namespace of its own, deleted after the file. */
export function useTestApp(core: CoreV1Api, name = "web"): TestApp {
  const suffix = randomBytes(4).toString("hex");
  const namespace = `slipway-it-${suffix}`;
  const base = {
    team: { id: `team${suffix}`, slug: `team-${suffix}` },
    project: { id: `proj${suffix}`, name: "shop" },
    environment: { id: `env${suffix}`, name: "production" },
    app: { id: `app${suffix}`, name },
    namespace,
  };
  afterAll(async () => {
    try {
      await core.deleteNamespace({ name: namespace });
    } catch (error) {
      if (!(error instanceof ApiException && error.code === 404)) throw error;
    }
  });
  return {
    base,
    release: (version, settings, options = {}) => ({
      ...base,
      release: {
        id: `rel${suffix}v${version}`,
        version,
        imageRef: options.image ?? digest("a"),
        settings: runSettingsSchema.parse(settings),
        secretValues: options.secrets ?? {},
      },
      ...(options.extraPodLabels ? { extraPodLabels: options.extraPodLabels } : {}),
    }),
  };
}
