import { createHmac } from "node:crypto";
import { ClusterError } from "../cluster-error";
import { objectMeta, objectNames, releaseLabels } from "./labels";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/**
 * The app's secrets as one Opaque Secret, one key per variable, or null when the app has none.
 * Values go in `data` (base64) rather than `stringData`: with server-side apply, stringData is
 * write-only and a removed key would linger in data; owning data keys means removing one works.
 */
export function renderSecret(input: ReleaseManifestInput): KubernetesManifest | null {
  const data = secretData(input);
  if (Object.keys(data).length === 0) return null;
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: objectMeta(input, objectNames.secret(input.app.name), releaseLabels(input)),
    type: "Opaque",
    data,
  };
}

/** The Secret's data: each secret named in the settings, base64-encoded; refuses a missing value. */
export function secretData(input: ReleaseManifestInput): Record<string, string> {
  const data: Record<string, string> = {};
  for (const name of input.release.settings.secrets) {
    const value = input.release.secretValues[name];
    if (value === undefined) {
      throw new ClusterError("invalid", `The secret ${name} has no value in release v${input.release.version}; set it again on the app's settings page.`);
    }
    data[name] = Buffer.from(value, "utf8").toString("base64");
  }
  return data;
}

/**
 * A fingerprint of the Secret for the pod template: a changed secret changes the template, so
 * pods restart and read the new value. An HMAC (keyed by secretChecksumKey) rather than a plain
 * hash, so the annotation is no oracle for guessing short values.
 */
export function secretChecksum(input: ReleaseManifestInput): string {
  const data = secretData(input);
  const canonical = JSON.stringify(Object.keys(data).sort().map((key) => [key, data[key]]));
  return createHmac("sha256", input.secretChecksumKey ?? input.app.id).update(canonical).digest("hex").slice(0, 32);
}
