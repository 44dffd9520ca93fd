/**
 * What differs between the objects a release rendered and what runs in the cluster, in words
 * ("replicas: release says 3, cluster has 5 (changed outside Slipway)"). Pure. It looks at what a
 * person changes with kubectl (scale, set image, set env, set resources, edit of a Secret),
 * not at the defaults and bookkeeping the API server adds.
 */
import { parseQuantity } from "@/server/kubernetes-quantity";
import { refKey, refOf } from "./app-objects";
import type { KubernetesManifest } from "./render/types";

export interface DriftItem {
  kind: string;
  name: string;
  /** e.g. "replicas", "env FOO", "image", "secret TOKEN", "object" */
  field: string;
  message: string;
  /** What the release says (never a secret value). */
  release?: unknown;
  /** What the cluster has (never a secret value). */
  cluster?: unknown;
}

interface EnvVar { name: string; value?: string; valueFrom?: { secretKeyRef?: { name?: string; key?: string } } & Record<string, unknown> }
interface Container { name: string; image?: string; command?: string[]; args?: string[]; env?: EnvVar[]; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }
type DeploymentShape = KubernetesManifest & { spec?: { replicas?: number; template?: { spec?: { containers?: Container[] } } } };

const OUTSIDE = "(changed outside Slipway)";

export function compareDrift(rendered: KubernetesManifest[], live: KubernetesManifest[]): DriftItem[] {
  const liveByRef = new Map(live.map((object) => [refKey(refOf(object)), object]));
  const renderedRefs = new Set(rendered.map((object) => refKey(refOf(object))));
  const items: DriftItem[] = [];

  for (const want of rendered) {
    if (want.kind === "Namespace") continue;
    const have = liveByRef.get(refKey(refOf(want)));
    const item = (field: string, message: string, release?: unknown, cluster?: unknown): DriftItem => ({ kind: want.kind, name: want.metadata.name, field, message, release, cluster });
    if (!have) {
      items.push(item("object", `${want.kind} ${want.metadata.name} is missing (deleted outside Slipway)`));
      continue;
    }
    if (want.kind === "Deployment") items.push(...compareDeployment(want as DeploymentShape, have as DeploymentShape, item));
    if (want.kind === "Secret") items.push(...compareSecret(want, have, item));
    if (want.kind === "HorizontalPodAutoscaler") {
      for (const field of ["minReplicas", "maxReplicas"] as const) {
        const wanted = (want.spec as Record<string, unknown> | undefined)?.[field];
        const found = (have.spec as Record<string, unknown> | undefined)?.[field];
        if (wanted !== found) items.push(item(field, `autoscaling ${field === "minReplicas" ? "minimum" : "maximum"}: release says ${String(wanted)}, cluster has ${String(found)} ${OUTSIDE}`, wanted, found));
      }
    }
  }

  for (const object of live) {
    if (!renderedRefs.has(refKey(refOf(object)))) {
      items.push({ kind: object.kind, name: object.metadata.name, field: "object", message: `${object.kind} ${object.metadata.name} exists but the release has none (left over or made outside Slipway)` });
    }
  }
  return items;
}

function compareDeployment(want: DeploymentShape, have: DeploymentShape, item: (field: string, message: string, release?: unknown, cluster?: unknown) => DriftItem): DriftItem[] {
  const items: DriftItem[] = [];
  // Without replicas in the release, an HPA owns the count: any value is fine.
  if (want.spec?.replicas !== undefined && want.spec.replicas !== (have.spec?.replicas ?? 1)) {
    items.push(item("replicas", `replicas: release says ${want.spec.replicas}, cluster has ${have.spec?.replicas ?? 1} ${OUTSIDE}`, want.spec.replicas, have.spec?.replicas));
  }
  const wantContainers = want.spec?.template?.spec?.containers ?? [];
  const haveContainers = have.spec?.template?.spec?.containers ?? [];
  for (const container of haveContainers) {
    if (!wantContainers.some((other) => other.name === container.name)) items.push(item(`container ${container.name}`, `container ${container.name} added ${OUTSIDE}`));
  }
  for (const wanted of wantContainers) {
    const found = haveContainers.find((other) => other.name === wanted.name);
    if (!found) {
      items.push(item(`container ${wanted.name}`, `container ${wanted.name} removed ${OUTSIDE}`));
      continue;
    }
    if (wanted.image !== found.image) items.push(item("image", `image: release says ${wanted.image}, cluster has ${found.image} ${OUTSIDE}`, wanted.image, found.image));
    for (const field of ["command", "args"] as const) {
      if (canonical(wanted[field]) !== canonical(found[field])) {
        items.push(item(field, `${field}: release says ${argv(wanted[field])}, cluster has ${argv(found[field])} ${OUTSIDE}`, wanted[field] ?? null, found[field] ?? null));
      }
    }
    items.push(...compareEnv(wanted.env ?? [], found.env ?? [], item));
    for (const group of ["requests", "limits"] as const) {
      for (const resource of new Set([...Object.keys(wanted.resources?.[group] ?? {}), ...Object.keys(found.resources?.[group] ?? {})])) {
        const a = wanted.resources?.[group]?.[resource];
        const b = found.resources?.[group]?.[resource];
        const same = a !== undefined && b !== undefined ? parseQuantity(String(a)) === parseQuantity(String(b)) : a === b;
        if (!same) items.push(item(`${resource} ${group}`, `${resource} ${group}: release says ${a ?? "none"}, cluster has ${b ?? "none"} ${OUTSIDE}`, a, b));
      }
    }
  }
  return items;
}

function compareEnv(wanted: EnvVar[], found: EnvVar[], item: (field: string, message: string, release?: unknown, cluster?: unknown) => DriftItem): DriftItem[] {
  const items: DriftItem[] = [];
  const foundByName = new Map(found.map((entry) => [entry.name, entry]));
  const wantedNames = new Set(wanted.map((entry) => entry.name));
  for (const entry of wanted) {
    const other = foundByName.get(entry.name);
    if (!other) {
      items.push(item(`env ${entry.name}`, `env ${entry.name} removed ${OUTSIDE}`));
    } else if (entry.valueFrom || other.valueFrom) {
      if (canonical(entry.valueFrom) !== canonical(other.valueFrom) || (entry.value ?? "") !== (other.value ?? "")) {
        const detail = entry.valueFrom ? "it no longer comes from the app's secrets" : "it now comes from a reference instead of the release's value";
        items.push(item(`env ${entry.name}`, `env ${entry.name} changed ${OUTSIDE}: ${detail}`));
      }
    } else if ((entry.value ?? "") !== (other.value ?? "")) {
      items.push(item(`env ${entry.name}`, `env ${entry.name}: release says ${short(entry.value)}, cluster has ${short(other.value)} ${OUTSIDE}`, entry.value, other.value));
    }
  }
  for (const entry of found) {
    if (!wantedNames.has(entry.name)) items.push(item(`env ${entry.name}`, `env ${entry.name} added outside Slipway`, undefined, entry.valueFrom ? "(from a reference)" : entry.value));
  }
  return items;
}

function compareSecret(want: KubernetesManifest, have: KubernetesManifest, item: (field: string, message: string) => DriftItem): DriftItem[] {
  const wanted = (want.data ?? {}) as Record<string, string>;
  const found = (have.data ?? {}) as Record<string, string>;
  const items: DriftItem[] = [];
  for (const key of new Set([...Object.keys(wanted), ...Object.keys(found)])) {
    if (!(key in found)) items.push(item(`secret ${key}`, `secret ${key} removed ${OUTSIDE}`));
    else if (!(key in wanted)) items.push(item(`secret ${key}`, `secret ${key} added outside Slipway`));
    else if (wanted[key] !== found[key]) items.push(item(`secret ${key}`, `secret ${key} has a different value ${OUTSIDE}`));
  }
  return items;
}

/** JSON with sorted keys: the API server returns fields in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
  );
}

function argv(value: string[] | undefined): string {
  return value && value.length > 0 ? JSON.stringify(value) : "the image's default";
}

function short(value: string | undefined): string {
  if (value === undefined || value === "") return '""';
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
