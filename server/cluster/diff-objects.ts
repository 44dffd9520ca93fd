/**
 * Field-level differences between two versions of one Kubernetes object, for the "what will
 * change" dialog. Pure. Server bookkeeping (managedFields, resourceVersion, generation, uid,
 * timestamps, status, the revision annotation) is dropped; lists of named things (containers,
 * env, ports, volumes) are compared by name, so adding a variable shows as one addition rather
 * than every later entry "changing"; Secret values never appear, only that they changed.
 */

export interface FieldChange {
  /** e.g. "spec.template.spec.containers[web].env[FOO].value" */
  path: string;
  /** Absent when the field is added. */
  before?: unknown;
  /** Absent when the field is removed. */
  after?: unknown;
}

export const HIDDEN = "(hidden)";

const NOISE_METADATA = ["managedFields", "resourceVersion", "generation", "uid", "creationTimestamp", "selfLink", "deletionGracePeriodSeconds"];
const NOISE_ANNOTATIONS = ["deployment.kubernetes.io/revision", "kubectl.kubernetes.io/last-applied-configuration"];
const LIST_KEYS = ["name", "host", "secretName"];

/** The object without server bookkeeping, as plain JSON. */
export function withoutNoise(object: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(object ?? {})) as Record<string, unknown>;
  delete copy.status;
  const metadata = copy.metadata as Record<string, unknown> | undefined;
  if (metadata) {
    for (const key of NOISE_METADATA) delete metadata[key];
    const annotations = metadata.annotations as Record<string, unknown> | undefined;
    if (annotations) {
      for (const key of NOISE_ANNOTATIONS) delete annotations[key];
      if (Object.keys(annotations).length === 0) delete metadata.annotations;
    }
  }
  return copy;
}

export function diffObjects(before: unknown, after: unknown, { kind }: { kind?: string } = {}): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(withoutNoise(before), withoutNoise(after), "", changes);
  const secret = kind === "Secret";
  return changes
    .filter((change) => change.path !== "apiVersion" && change.path !== "kind")
    .map((change) => (secret && /^(data|stringData)(\.|$)/.test(change.path) ? maskChange(change) : change));
}

/** A Secret's values hidden, keys kept: for showing a rendered Secret. */
export function maskSecret<T>(object: T): T {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  for (const field of ["data", "stringData"]) {
    const data = copy[field] as Record<string, unknown> | undefined;
    if (data) for (const key of Object.keys(data)) data[key] = HIDDEN;
  }
  return copy as T;
}

function maskChange(change: FieldChange): FieldChange {
  const mask = (value: unknown) => (typeof value === "object" && value !== null ? maskSecret({ data: value }).data : HIDDEN);
  return {
    path: change.path,
    ...("before" in change ? { before: mask(change.before) } : {}),
    ...("after" in change ? { after: mask(change.after) } : {}),
  };
}

function walk(before: unknown, after: unknown, path: string, changes: FieldChange[]): void {
  if (deepEqual(before, after)) return;
  if (before === undefined) {
    changes.push({ path, after });
    return;
  }
  if (after === undefined) {
    changes.push({ path, before });
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], join(path, key), changes);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = listKey(before, after);
    if (key) {
      const index = (list: unknown[]) => new Map(list.map((item) => [String((item as Record<string, unknown>)[key]), item]));
      const from = index(before);
      const to = index(after);
      for (const name of new Set([...from.keys(), ...to.keys()])) walk(from.get(name), to.get(name), `${path}[${name}]`, changes);
      return;
    }
  }
  changes.push({ path, before, after });
}

/** The field that names every item of both lists uniquely, if there is one. */
function listKey(before: unknown[], after: unknown[]): string | undefined {
  const items = [...before, ...after];
  if (items.length === 0 || !items.every(isRecord)) return undefined;
  return LIST_KEYS.find((key) => {
    const unique = (list: unknown[]) => {
      const names = list.map((item) => (item as Record<string, unknown>)[key]);
      return names.every((name) => typeof name === "string") && new Set(names).size === names.length;
    };
    return unique(before) && unique(after);
  });
}

function join(path: string, key: string): string {
  // Label and annotation keys contain dots and slashes: bracket them so the path stays readable.
  return path === "" ? key : /^[A-Za-z0-9_]+$/.test(key) ? `${path}.${key}` : `${path}[${key}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

// The marks that name the release on every object and pod template: they change with every
// release, so the diff says so once per place instead of listing each label and annotation.
const RELEASE_MARK = /^(.*?)metadata\.(?:labels|annotations)\[slipway\.dev\/release(?:-id|-version)?\]$/;

/**
 * Folds the changes of the release marks into one change per place: "release" (the object's
 * own) or "spec.template.release (the pods are replaced)", from version to version. A new
 * release's id is not known before it exists, so ids never show. Pure.
 */
export function foldReleaseMarks(changes: FieldChange[]): FieldChange[] {
  const places = new Map<string, { before?: unknown; after?: unknown }>();
  const kept: FieldChange[] = [];
  for (const change of changes) {
    const match = RELEASE_MARK.exec(change.path);
    if (!match) {
      kept.push(change);
      continue;
    }
    // The version (label or annotation) is what a person reads; the id alone says nothing.
    if (!change.path.endsWith("release-id]")) places.set(match[1]!, { before: change.before, after: change.after });
  }
  const version = (value: unknown) => (value === undefined ? undefined : `v${String(value)}`);
  const folded = [...places].map(([prefix, { before, after }]) => ({
    path: prefix ? `${prefix}release (the pods are replaced)` : "release",
    ...(before !== undefined ? { before: version(before) } : {}),
    ...(after !== undefined ? { after: version(after) } : {}),
  }));
  return [...folded, ...kept];
}
