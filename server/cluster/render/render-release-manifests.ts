import { runSettingsSchema } from "@/server/apps/run-settings";
import { ClusterError } from "../cluster-error";
import { renderDeployment } from "./render-deployment";
import { renderHorizontalPodAutoscaler } from "./render-horizontal-pod-autoscaler";
import { renderIngress } from "./render-ingress";
import { renderNamespace } from "./render-namespace";
import { renderNetworkPolicy } from "./render-network-policy";
import { renderPersistentVolumeClaims } from "./render-persistent-volume-claims";
import { renderSecret } from "./render-secret";
import { renderService } from "./render-service";
import { renderServiceAccount } from "./render-service-account";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/;
const LABEL_VALUE = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const IMAGE_BY_DIGEST = /^[^\s@]+@sha256:[0-9a-f]{64}$/;

/**
 * Every object of one release, in apply order: Namespace, NetworkPolicy (before any pod
 * exists), ServiceAccount, Secret and PVCs (which the pods need), Service, Deployment, HPA,
 * Ingress (last, so a domain never points at nothing). Objects the settings do not call for
 * (Secret without secrets, Ingress without domains, …) are absent; applyRelease prunes them.
 * Throws ClusterError("invalid") when the input could not be applied as it is.
 */
export function renderReleaseManifests(input: ReleaseManifestInput): KubernetesManifest[] {
  const checked = checkReleaseInput(input);
  return [
    renderNamespace(checked),
    renderNetworkPolicy(checked),
    renderServiceAccount(checked),
    renderSecret(checked),
    ...renderPersistentVolumeClaims(checked),
    renderService(checked),
    renderDeployment(checked),
    renderHorizontalPodAutoscaler(checked),
    renderIngress(checked),
  ].filter((manifest): manifest is KubernetesManifest => manifest !== null);
}

/**
 * The input with its settings re-parsed (an old snapshot gains the defaults of fields added
 * since), or a ClusterError naming the first problem.
 */
export function checkReleaseInput(input: ReleaseManifestInput): ReleaseManifestInput {
  const invalid = (message: string) => new ClusterError("invalid", message);
  if (!DNS_LABEL.test(input.namespace)) throw invalid(`"${input.namespace}" is not a valid namespace name (lowercase letters, digits and '-', at most 63).`);
  if (!DNS_1035_LABEL.test(input.app.name)) throw invalid(`"${input.app.name}" is not a valid app name (lowercase letters, digits and '-', starting with a letter, at most 40).`);
  for (const [what, id] of [["team", input.team.id], ["project", input.project.id], ["environment", input.environment.id], ["app", input.app.id]] as const) {
    if (!LABEL_VALUE.test(id)) throw invalid(`The ${what} id "${id}" cannot be a Kubernetes label value.`);
  }
  if (!Number.isInteger(input.release.version) || input.release.version < 1) throw invalid(`Release version ${input.release.version} is not a positive whole number.`);
  if (!IMAGE_BY_DIGEST.test(input.release.imageRef)) {
    throw invalid(`The image ${input.release.imageRef} is not pinned by digest (registry/repository@sha256:…); Slipway deploys images by digest only.`);
  }
  for (const [key, value] of Object.entries(input.extraPodLabels ?? {})) {
    if (!LABEL_KEY.test(key) || (value !== "" && !LABEL_VALUE.test(value))) throw invalid(`The pod label ${key}=${value} is not a valid Kubernetes label.`);
  }
  const parsed = runSettingsSchema.safeParse(input.release.settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw invalid(`The settings of release v${input.release.version} are not valid: ${where}${issue.message}`);
  }
  return { ...input, release: { ...input.release, settings: parsed.data } };
}
