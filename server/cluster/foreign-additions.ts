/**
 * Server-side apply with force takes back every field Slipway sets, but a field someone else
 * ADDED (a variable from `kubectl set env NEW=1`, a key edited into the Secret, a sidecar
 * container) belongs to that other manager, and apply leaves it alone. For the lists Slipway
 * owns outright — the app container's env, the Deployment's containers, the Secret's keys —
 * this computes a JSON patch removing such additions. Each removal by list index is guarded by
 * a test of the item's name, so if the list changed in between the patch fails as a whole
 * rather than removing the wrong entry. (Not a resourceVersion test: the controller's status
 * writes change that within milliseconds.) Pure.
 */
import type { KubernetesManifest } from "./render/types";

export interface JsonPatchOperation {
  op: "remove" | "test";
  path: string;
  value?: unknown;
}

interface NamedItem { name?: string }
type WithContainers = { spec?: { template?: { spec?: { containers?: (NamedItem & { env?: NamedItem[] })[] } } } };

export interface ForeignAddition {
  /** JSON pointer, for the patch. */
  pointer: string;
  /** The list item's name, tested before removing by index. */
  itemName?: string;
  /** Readable path, as diffObjects writes them: spec.template.spec.containers[web].env[EXTRA]. */
  path: string;
  value: unknown;
}

/** What others added to the lists Slipway owns outright, as found in the applied object. */
export function foreignAdditions(rendered: KubernetesManifest, applied: KubernetesManifest): ForeignAddition[] {
  const found: ForeignAddition[] = [];
  if (rendered.kind === "Deployment") {
    const want = (rendered as WithContainers).spec?.template?.spec?.containers ?? [];
    const have = (applied as WithContainers).spec?.template?.spec?.containers ?? [];
    have.forEach((container, containerIndex) => {
      const wanted = want.find((candidate) => candidate.name === container.name);
      const pointer = `/spec/template/spec/containers/${containerIndex}`;
      const path = `spec.template.spec.containers[${container.name}]`;
      if (!wanted) {
        found.push({ pointer, path, value: container, itemName: container.name });
        return;
      }
      const names = new Set((wanted.env ?? []).map((entry) => entry.name));
      (container.env ?? []).forEach((entry, envIndex) => {
        if (!names.has(entry.name)) found.push({ pointer: `${pointer}/env/${envIndex}`, path: `${path}.env[${entry.name}]`, value: entry, itemName: entry.name });
      });
    });
  } else if (rendered.kind === "Secret") {
    const want = (rendered.data ?? {}) as Record<string, unknown>;
    for (const key of Object.keys((applied.data ?? {}) as Record<string, unknown>)) {
      if (!(key in want)) found.push({ pointer: `/data/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, path: `data.${key}`, value: "(hidden)" });
    }
  }
  return found;
}

/** A JSON patch removing foreignAdditions(), or [] when there are none. */
export function foreignAdditionsPatch(rendered: KubernetesManifest, applied: KubernetesManifest): JsonPatchOperation[] {
  // Later indexes first, so earlier removals do not shift the ones still to come.
  const additions = foreignAdditions(rendered, applied).sort((a, b) => compareIndexPaths(b.pointer, a.pointer));
  return additions.flatMap((addition): JsonPatchOperation[] => [
    ...(addition.itemName !== undefined ? [{ op: "test" as const, path: `${addition.pointer}/name`, value: addition.itemName }] : []),
    { op: "remove", path: addition.pointer },
  ]);
}

function compareIndexPaths(a: string, b: string): number {
  const as = a.split("/");
  const bs = b.split("/");
  for (let index = 0; index < Math.max(as.length, bs.length); index++) {
    const x = as[index];
    const y = bs[index];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}
