/**
 * Slipway's labels and annotations, and the names of an app's objects. Ids (not names) go in
 * labels because names can be renamed; the selector uses only the app id because a Deployment's
 * selector can never change.
 */
import type { ReleaseManifestInput } from "./types";

export const LABELS = {
  managedBy: "app.kubernetes.io/managed-by",
  name: "app.kubernetes.io/name",
  team: "slipway.dev/team",
  project: "slipway.dev/project",
  environment: "slipway.dev/environment",
  app: "slipway.dev/app",
  release: "slipway.dev/release",
  volume: "slipway.dev/volume",
} as const;

export const ANNOTATIONS = {
  releaseId: "slipway.dev/release-id",
  releaseVersion: "slipway.dev/release-version",
  secretChecksum: "slipway.dev/secret-checksum",
  teamSlug: "slipway.dev/team-slug",
  projectName: "slipway.dev/project-name",
  environmentName: "slipway.dev/environment-name",
  appName: "slipway.dev/app-name",
} as const;

export const MANAGED_BY = "slipway";
/** The one field manager for every server-side apply. */
export const FIELD_MANAGER = "slipway";

type Owner = Pick<ReleaseManifestInput, "team" | "project" | "environment">;

/** Labels of the namespace: who owns it. */
export function ownerLabels({ team, project, environment }: Owner): Record<string, string> {
  return {
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.team]: team.id,
    [LABELS.project]: project.id,
    [LABELS.environment]: environment.id,
  };
}

/** The Deployment's selector (immutable, so the app id alone). */
export function selectorLabels(input: Pick<ReleaseManifestInput, "app">): Record<string, string> {
  return { [LABELS.app]: input.app.id };
}

/** Labels of every object of the app. */
export function appLabels(input: ReleaseManifestInput): Record<string, string> {
  return {
    ...ownerLabels(input),
    [LABELS.name]: input.app.name,
    ...selectorLabels(input),
  };
}

/** appLabels plus the release version: for objects that change with every release. */
export function releaseLabels(input: ReleaseManifestInput): Record<string, string> {
  return { ...appLabels(input), [LABELS.release]: String(input.release.version) };
}

export function objectMeta(input: ReleaseManifestInput, name: string, labels = appLabels(input)): {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
} {
  return {
    name,
    namespace: input.namespace,
    labels,
    annotations: { [ANNOTATIONS.appName]: input.app.name },
  };
}

export const objectNames = {
  deployment: (appName: string) => appName,
  service: (appName: string) => appName,
  serviceAccount: (appName: string) => appName,
  ingress: (appName: string) => appName,
  hpa: (appName: string) => appName,
  networkPolicy: (appName: string) => appName,
  secret: (appName: string) => `${appName}-secrets`,
  tlsSecret: (appName: string) => `${appName}-tls`,
  pvc: (appName: string, volume: string) => `${appName}-${volume}`,
  /** The container's name, as logs and rollout messages show it. */
  container: (appName: string) => appName,
};
