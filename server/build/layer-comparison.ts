/**
 * Marks each layer of a new image for the build page's layer bar: "base" when it comes from the
 * base image (stored once, shared with every app on that base), "reused" when the previous build
 * of the app had it too (the layer cache hit, so nothing was uploaded), "new" otherwise — what
 * this build actually added and pushed.
 */
import type { ImageLayer } from "./inspect-image";

export type LayerOrigin = "base" | "reused" | "new";

export interface ComparedLayer extends ImageLayer {
  origin: LayerOrigin;
}

export interface LayerComparison {
  layers: ComparedLayer[];
  /** Bytes per origin: newBytes is what this build added to the registry. */
  baseBytes: number;
  reusedBytes: number;
  newBytes: number;
}

export function compareLayers(input: {
  layers: ImageLayer[];
  baseLayers?: ImageLayer[];
  previousLayers?: ImageLayer[];
}): LayerComparison {
  const base = new Set((input.baseLayers ?? []).map((layer) => layer.digest));
  const previous = new Set((input.previousLayers ?? []).map((layer) => layer.digest));
  const totals: Record<LayerOrigin, number> = { base: 0, reused: 0, new: 0 };
  const layers = input.layers.map((layer): ComparedLayer => {
    const origin: LayerOrigin = base.has(layer.digest) ? "base" : previous.has(layer.digest) ? "reused" : "new";
    totals[origin] += layer.size;
    return { ...layer, origin };
  });
  return { layers, baseBytes: totals.base, reusedBytes: totals.reused, newBytes: totals.new };
}
