import { cn } from "@/components/ui/cn";
import { formatBytes } from "@/server/build/build-log";
import type { LayerComparison } from "@/server/build/layer-comparison";

const ORIGIN = {
  base: { label: "From the base image", className: "bg-zinc-400 dark:bg-zinc-500" },
  reused: { label: "Reused from the previous build", className: "bg-sky-500" },
  new: { label: "New in this build", className: "bg-primary" },
} as const;

/** The image's layers as a bar of their sizes, coloured by where each came from. */
export function LayerBar({ comparison }: { comparison: LayerComparison }) {
  const total = comparison.layers.reduce((sum, layer) => sum + layer.size, 0) || 1;
  const bytes = { base: comparison.baseBytes, reused: comparison.reusedBytes, new: comparison.newBytes };
  return (
    <div className="grid gap-3">
      <div className="flex h-6 w-full overflow-hidden rounded-md border" role="img" aria-label={`Image layers: ${comparison.layers.length} layers, ${formatBytes(total)}`}>
        {comparison.layers.map((layer) => (
          <div
            key={layer.digest}
            data-testid="layer"
            data-origin={layer.origin}
            title={`${ORIGIN[layer.origin].label}: ${formatBytes(layer.size)} — ${layer.digest.slice(0, 19)}`}
            className={cn("h-full border-r border-background last:border-r-0", ORIGIN[layer.origin].className)}
            style={{ width: `${Math.max(0.5, (layer.size / total) * 100)}%` }}
          />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted-foreground">
        {(Object.keys(ORIGIN) as (keyof typeof ORIGIN)[]).map((origin) => (
          <li key={origin} className="flex items-center gap-1.5">
            <span aria-hidden className={cn("size-2.5 rounded-sm", ORIGIN[origin].className)} />
            {ORIGIN[origin].label}: {formatBytes(bytes[origin])}
          </li>
        ))}
      </ul>
    </div>
  );
}
