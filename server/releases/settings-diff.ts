import type { RunSettings } from "@/server/apps/run-settings";

/**
 * What changed between two settings snapshots, as the keys a person recognises: "port",
 * "env DATABASE_URL", "secret API_KEY" (never its value), "replicas", "domains"…
 * `secretsChanged` names secrets whose value differs.
 */
export function settingsChanges(before: RunSettings | null, after: RunSettings, secretsChanged: string[] = []): string[] {
  if (!before) return ["first release"];
  const changes: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of ["port", "command", "args", "healthCheck", "resources", "replicas", "autoscaling", "domains", "volumes", "autoRollback", "runAsNonRoot", "readOnlyRootFilesystem", "progressDeadlineSeconds"] as const) {
    if (!same(before[key], after[key])) changes.push(key);
  }
  const beforeEnv = new Map(before.env.map((entry) => [entry.name, entry.value]));
  const afterEnv = new Map(after.env.map((entry) => [entry.name, entry.value]));
  for (const name of new Set([...beforeEnv.keys(), ...afterEnv.keys()])) {
    if (beforeEnv.get(name) !== afterEnv.get(name)) changes.push(`env ${name}`);
  }
  const secrets = new Set([...before.secrets.filter((name) => !after.secrets.includes(name)), ...after.secrets.filter((name) => !before.secrets.includes(name)), ...secretsChanged]);
  for (const name of [...secrets].sort()) changes.push(`secret ${name}`);
  return changes;
}

/** Names of secrets whose values differ between two value maps. */
export function changedSecretNames(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
