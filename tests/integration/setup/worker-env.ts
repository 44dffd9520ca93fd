/**
 * Runs in every integration test worker before its tests: all workers see the same services.
 * Test files start job workers of their own on the one shared queue, so any of them may take
 * any file's build or deploy job — each must be able to reach the test cluster and registry.
 */
import { inject } from "vitest";
import { testKubeconfigPath } from "../helpers/test-cluster";

process.env.SLIPWAY_KUBECONFIG ??= testKubeconfigPath;
const registry = inject("registry");
process.env.SLIPWAY_REGISTRY ??= `${registry}/slipway-test`;
process.env.SLIPWAY_INSECURE_REGISTRIES = registry;
process.env.SLIPWAY_PRESET_IMAGE_PREFIX = inject("presetImagePrefix");
process.env.SLIPWAY_BUILDAH_ROOT = inject("buildahRoot");
process.env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS = "127.0.0.1";
