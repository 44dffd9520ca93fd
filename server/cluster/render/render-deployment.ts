import { resolveResources, type HealthCheck, type RunSettings } from "@/server/apps/run-settings";
import { ANNOTATIONS, objectMeta, objectNames, releaseLabels, selectorLabels } from "./labels";
import { secretChecksum } from "./render-secret";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/** The name of the container port (and of the Service port that targets it). */
export const APP_PORT_NAME = "app";
const DEFAULT_REVISION_HISTORY = 5;

/**
 * The app's Deployment: the image by digest, the settings as env, probes and resources, and a
 * least-privilege security context. The pod template carries the release id/version and a
 * fingerprint of the Secret, so every release, and every secret change, rolls the pods.
 */
export function renderDeployment(input: ReleaseManifestInput): KubernetesManifest {
  const { app, release } = input;
  const settings = release.settings;
  const name = objectNames.deployment(app.name);
  const volumes = settings.volumes;
  const nonRoot = podRunsAsNonRoot(settings, release.imageUser);

  const podLabels = { ...(input.extraPodLabels ?? {}), ...releaseLabels(input) };
  const podAnnotations: Record<string, string> = {
    [ANNOTATIONS.releaseId]: release.id,
    [ANNOTATIONS.releaseVersion]: String(release.version),
  };
  if (settings.secrets.length > 0) podAnnotations[ANNOTATIONS.secretChecksum] = secretChecksum(input);

  const volumeMounts = volumes.map((volume) => ({ name: `vol-${volume.name}`, mountPath: volume.mountPath }));
  const podVolumes: unknown[] = volumes.map((volume) => ({
    name: `vol-${volume.name}`,
    persistentVolumeClaim: { claimName: objectNames.pvc(app.name, volume.name) },
  }));
  if (settings.readOnlyRootFilesystem && !volumes.some((volume) => volume.mountPath === "/tmp")) {
    // Most runtimes write temporary files; a read-only root needs a writable /tmp.
    volumeMounts.push({ name: "tmp", mountPath: "/tmp" });
    podVolumes.push({ name: "tmp", emptyDir: { sizeLimit: "256Mi" } });
  }

  const container: Record<string, unknown> = {
    name: objectNames.container(app.name),
    image: release.imageRef,
    ...(settings.command ? { command: settings.command } : {}),
    ...(settings.args ? { args: settings.args } : {}),
    ports: [{ name: APP_PORT_NAME, containerPort: settings.port, protocol: "TCP" }],
    env: renderEnv(input),
    resources: renderResources(settings),
    ...renderProbes(settings.healthCheck),
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: settings.readOnlyRootFilesystem,
      ...(nonRoot ? { runAsNonRoot: true } : {}),
    },
    ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
  };

  const spec: Record<string, unknown> = {
    // Under an HPA the replica count is the autoscaler's: applying a fixed one would fight it.
    // applyRelease names the count running now instead (withAutoscaledReplicas).
    ...(settings.autoscaling.enabled ? {} : { replicas: settings.replicas }),
    revisionHistoryLimit: input.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY,
    progressDeadlineSeconds: settings.progressDeadlineSeconds,
    selector: { matchLabels: selectorLabels(input) },
    // A ReadWriteOnce volume cannot be attached to the old and the new pod at once; without
    // volumes, new pods must be Ready before old ones go (maxUnavailable 0), so a failing
    // release never takes the app down.
    strategy:
      volumes.length > 0
        ? { type: "Recreate" }
        : { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
    template: {
      metadata: { labels: podLabels, annotations: podAnnotations },
      spec: {
        serviceAccountName: objectNames.serviceAccount(app.name),
        automountServiceAccountToken: false,
        // Service links add an env var per Service in the namespace, leaking names and colliding with the app's own.
        enableServiceLinks: false,
        securityContext: {
          seccompProfile: { type: "RuntimeDefault" },
          ...(nonRoot ? { runAsNonRoot: true } : {}),
        },
        containers: [container],
        ...(podVolumes.length > 0 ? { volumes: podVolumes } : {}),
      },
    },
  };

  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      ...objectMeta(input, name, releaseLabels(input)),
      annotations: { [ANNOTATIONS.appName]: app.name, [ANNOTATIONS.releaseId]: release.id },
    },
    spec,
  };
}

/**
 * Whether the pod can be required to run as non-root. Kubernetes refuses to start a container
 * with runAsNonRoot when its image runs as root, and also when the image's USER is a name it
 * cannot check (e.g. "node"), so enforcing it there would turn a working app into a
 * CreateContainerConfigError. Unknown image user: follow the preference.
 */
export function podRunsAsNonRoot(settings: Pick<RunSettings, "runAsNonRoot">, imageUser: string | null | undefined): boolean {
  if (!settings.runAsNonRoot) return false;
  if (imageUser === undefined) return true;
  const user = (imageUser ?? "").split(":")[0]!.trim();
  if (user === "" || user === "root" || user === "0") return false;
  return /^\d+$/.test(user);
}

/** PORT first (apps read it, as on Heroku), then the variables in the user's order ($(VAR) references depend on it), then secrets. */
function renderEnv(input: ReleaseManifestInput): unknown[] {
  const settings = input.release.settings;
  const secretName = objectNames.secret(input.app.name);
  return [
    { name: "PORT", value: String(settings.port) },
    ...settings.env.filter((entry) => entry.name !== "PORT").map((entry) => ({ name: entry.name, value: entry.value })),
    ...settings.secrets.map((name) => ({ name, valueFrom: { secretKeyRef: { name: secretName, key: name } } })),
  ];
}

function renderResources(settings: RunSettings): Record<string, unknown> {
  const { requests, limits } = resolveResources(settings.resources);
  const clean = (amounts: { cpu?: string; memory?: string }) =>
    Object.fromEntries(Object.entries(amounts).filter(([, value]) => value !== undefined && value !== ""));
  const result: Record<string, unknown> = {};
  if (Object.keys(clean(requests)).length > 0) result.requests = clean(requests);
  if (Object.keys(clean(limits)).length > 0) result.limits = clean(limits);
  return result;
}

/**
 * One check, three probes: startup gives a slow boot two minutes before liveness counts,
 * readiness takes a pod out of the Service within ~15 s, liveness restarts it after a minute of
 * failures (slow enough that a busy app is not killed for one slow answer).
 */
function renderProbes(healthCheck: HealthCheck): Record<string, unknown> {
  if (!healthCheck) return {};
  const handler = healthCheck.type === "http" ? { httpGet: { path: healthCheck.path, port: APP_PORT_NAME } } : { tcpSocket: { port: APP_PORT_NAME } };
  return {
    startupProbe: { ...handler, periodSeconds: 2, timeoutSeconds: 2, failureThreshold: 60 },
    readinessProbe: { ...handler, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3, successThreshold: 1 },
    livenessProbe: { ...handler, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 6 },
  };
}
