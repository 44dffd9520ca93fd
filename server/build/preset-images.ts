/**
 * The base images the presets build on — the one place they are named. By default they are the
 * public Docker Hub images. SLIPWAY_PRESET_IMAGE_PREFIX points them at another registry (a
 * mirror, or the local development registry, which scripts/services/base-images.ts fills),
 * keeping each image's own name and tag: "<prefix>/node:20-bookworm-slim".
 */
import { buildConfig } from "./build-config";

export const PRESET_IMAGES = {
  node: { name: "node", tag: "20-bookworm-slim" },
  python: { name: "python", tag: "3.12-slim-bookworm" },
  golang: { name: "golang", tag: "1.22-bookworm" },
  busybox: { name: "busybox", tag: "1.36" },
} as const;

export type PresetImage = keyof typeof PRESET_IMAGES;

const PUBLIC_PREFIX = "docker.io/library";

export function presetImage(image: PresetImage, prefix = buildConfig().presetImagePrefix ?? PUBLIC_PREFIX): string {
  const { name, tag } = PRESET_IMAGES[image];
  return `${prefix.replace(/\/+$/, "")}/${name}:${tag}`;
}
