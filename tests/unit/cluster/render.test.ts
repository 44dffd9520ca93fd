// The manifests of a release, rendered by pure functions: the fields that decide security,
// routing and rollouts are asserted one by one (no snapshots: a snapshot would approve
// whatever changes next).
import { describe, expect, it } from "vitest";
import { runSettingsSchema, type RunSettingsInput } from "@/server/apps/run-settings";
import { ClusterError } from "@/server/cluster/cluster-error";
import {
  namespaceFor,
  networkPolicyPeersFromEnv,
  podRunsAsNonRoot,
  renderDeployment,
  renderReleaseManifests,
  secretChecksum,
  withAutoscaledReplicas,
  type KubernetesManifest,
  type ReleaseManifestInput,
} from "@/server/cluster/render";

const IMAGE = `registry.example/acme/web@sha256:${"c".repeat(64)}`;

function input(settings: RunSettingsInput = {}, overrides: Partial<ReleaseManifestInput> & { secretValues?: Record<string, string>; imageUser?: string | null } = {}): ReleaseManifestInput {
  const { secretValues = {}, imageUser, ...rest } = overrides;
  return {
    team: { id: "team1", slug: "acme" },
    project: { id: "proj1", name: "shop" },
    environment: { id: "env1", name: "production" },
    app: { id: "app1", name: "web" },
    namespace: "acme-shop-production",
    release: { id: "rel7", version: 7, imageRef: IMAGE, settings: runSettingsSchema.parse(settings), secretValues, ...(imageUser !== undefined ? { imageUser } : {}) },
    ...rest,
  };
}

// Rendered manifests are plain JSON; the assertions read them freely.
type Any = Record<string, any>;
const find = (manifests: KubernetesManifest[], kind: string) => manifests.find((manifest) => manifest.kind === kind) as (KubernetesManifest & Any) | undefined;
const container = (deployment: Any) => deployment.spec.template.spec.containers[0];

describe("renderReleaseManifests", () => {
  it("renders the minimal app in apply order, without the optional objects", () => {
    expect(renderReleaseManifests(input()).map((manifest) => manifest.kind)).toEqual(["Namespace", "NetworkPolicy", "ServiceAccount", "Service", "Deployment"]);
  });

  it("adds Secret, PVCs, HPA and Ingress when the settings call for them, Ingress last", () => {
    const manifests = renderReleaseManifests(
      input(
        {
          secrets: ["TOKEN"],
          volumes: [{ name: "data", mountPath: "/data", size: "1Gi" }],
          autoscaling: { enabled: false, min: 1, max: 3 },
          domains: [{ host: "shop.example.com" }],
        },
        { secretValues: { TOKEN: "t" } },
      ),
    );
    expect(manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`)).toEqual([
      "Namespace/acme-shop-production",
      "NetworkPolicy/web",
      "ServiceAccount/web",
      "Secret/web-secrets",
      "PersistentVolumeClaim/web-data",
      "Service/web",
      "Deployment/web",
      "Ingress/web",
    ]);
  });

  it("labels every app object with Slipway's ids and puts it in the namespace", () => {
    for (const manifest of renderReleaseManifests(input({ secrets: ["A"], domains: [{ host: "a.example.com" }] }, { secretValues: { A: "1" } })).slice(1)) {
      expect(manifest.metadata.namespace).toBe("acme-shop-production");
      expect(manifest.metadata.labels).toMatchObject({
        "app.kubernetes.io/managed-by": "slipway",
        "app.kubernetes.io/name": "web",
        "slipway.dev/team": "team1",
        "slipway.dev/project": "proj1",
        "slipway.dev/environment": "env1",
        "slipway.dev/app": "app1",
      });
    }
  });

  it("labels the namespace with its owners and a Pod Security level", () => {
    const namespace = find(renderReleaseManifests(input()), "Namespace")!;
    expect(namespace.metadata.labels).toEqual({
      "app.kubernetes.io/managed-by": "slipway",
      "slipway.dev/team": "team1",
      "slipway.dev/project": "proj1",
      "slipway.dev/environment": "env1",
      "pod-security.kubernetes.io/enforce": "baseline",
      "pod-security.kubernetes.io/warn": "restricted",
    });
    expect(namespace.metadata.annotations).toMatchObject({ "slipway.dev/team-slug": "acme" });
  });

  it.each([
    [{ release: { imageRef: "registry.example/acme/web:latest" } }, "is not pinned by digest"],
    [{ namespace: "Acme_Shop" }, "is not a valid namespace name"],
    [{ app: { id: "app1", name: "1web" } }, "is not a valid app name"],
    [{ team: { id: "team 1", slug: "acme" } }, 'The team id "team 1" cannot be a Kubernetes label value.'],
    [{ release: { version: 0 } }, "Release version 0 is not a positive whole number."],
    [{ release: { settings: { port: 70000 } } }, "The settings of release v7 are not valid: port: The port is a whole number between 1 and 65535."],
    [{ extraPodLabels: { "bad key!": "x" } }, "is not a valid Kubernetes label"],
  ])("refuses inconsistent input %j", (patch, message) => {
    const base = input() as Any;
    const broken = { ...base, ...patch, release: { ...base.release, ...((patch as Any).release ?? {}) } } as ReleaseManifestInput;
    expect(() => renderReleaseManifests(broken)).toThrow(message);
    try {
      renderReleaseManifests(broken);
    } catch (error) {
      expect(error).toBeInstanceOf(ClusterError);
      expect((error as ClusterError).code).toBe("invalid");
    }
  });

  it("refuses a secret without a value rather than deploying it empty", () => {
    expect(() => renderReleaseManifests(input({ secrets: ["TOKEN"] }))).toThrow("The secret TOKEN has no value in release v7");
  });
});

describe("the Deployment", () => {
  const settings: RunSettingsInput = {
    port: 3000,
    command: ["node"],
    args: ["server.js"],
    env: [{ name: "B_SECOND", value: "2" }, { name: "A_FIRST", value: "1" }],
    secrets: ["TOKEN"],
    healthCheck: { type: "http", path: "/healthz" },
    resources: { preset: "medium" },
    replicas: 3,
    progressDeadlineSeconds: 120,
  };
  const deployment = renderDeployment(input(settings, { secretValues: { TOKEN: "s3cret" } })) as Any;

  it("runs the image by digest with the command override and the app's port", () => {
    expect(container(deployment)).toMatchObject({ name: "web", image: IMAGE, command: ["node"], args: ["server.js"], ports: [{ name: "app", containerPort: 3000, protocol: "TCP" }] });
  });

  it("sets PORT, the variables in the user's order, and secrets by reference only", () => {
    expect(container(deployment).env).toEqual([
      { name: "PORT", value: "3000" },
      { name: "B_SECOND", value: "2" },
      { name: "A_FIRST", value: "1" },
      { name: "TOKEN", valueFrom: { secretKeyRef: { name: "web-secrets", key: "TOKEN" } } },
    ]);
    expect(JSON.stringify(deployment)).not.toContain("s3cret");
  });

  it("runs least-privilege", () => {
    const pod = deployment.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe("web");
    expect(pod.enableServiceLinks).toBe(false);
    expect(pod.securityContext).toEqual({ seccompProfile: { type: "RuntimeDefault" }, runAsNonRoot: true });
    expect(container(deployment).securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: false,
      runAsNonRoot: true,
    });
  });

  it("uses the health check for startup, readiness and liveness", () => {
    const handler = { httpGet: { path: "/healthz", port: "app" } };
    expect(container(deployment).readinessProbe).toMatchObject(handler);
    expect(container(deployment).livenessProbe).toMatchObject(handler);
    expect(container(deployment).startupProbe).toMatchObject(handler);
    const tcp = renderDeployment(input({ healthCheck: { type: "tcp" } })) as Any;
    expect(container(tcp).readinessProbe).toMatchObject({ tcpSocket: { port: "app" } });
    const none = renderDeployment(input()) as Any;
    expect(container(none).readinessProbe).toBeUndefined();
  });

  it("sets the preset's resources, replicas, a rolling update that keeps old pods until new ones are ready, and the deadline", () => {
    expect(container(deployment).resources).toEqual({ requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } });
    expect(deployment.spec).toMatchObject({
      replicas: 3,
      progressDeadlineSeconds: 120,
      revisionHistoryLimit: 5,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
      selector: { matchLabels: { "slipway.dev/app": "app1" } },
    });
  });

  it("marks the pods with the release and a fingerprint of the Secret that changes with any secret", () => {
    const template = deployment.spec.template.metadata;
    expect(template.labels["slipway.dev/release"]).toBe("7");
    expect(template.annotations["slipway.dev/release-id"]).toBe("rel7");
    expect(template.annotations["slipway.dev/release-version"]).toBe("7");
    const checksum = template.annotations["slipway.dev/secret-checksum"];
    expect(checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(secretChecksum(input(settings, { secretValues: { TOKEN: "other" } }))).not.toBe(checksum);
    expect(secretChecksum(input(settings, { secretValues: { TOKEN: "s3cret" }, secretChecksumKey: "server-key" }))).not.toBe(checksum);
  });

  it("leaves replicas to the HPA when autoscaling", () => {
    const autoscaled = renderReleaseManifests(input({ autoscaling: { enabled: true, min: 2, max: 6, memoryPercent: 70 } }));
    expect(find(autoscaled, "Deployment")!.spec.replicas).toBeUndefined();
    expect(find(autoscaled, "HorizontalPodAutoscaler")!.spec).toEqual({
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: 70 } } }],
    });
    const cpuDefault = find(renderReleaseManifests(input({ autoscaling: { enabled: true, min: 1, max: 3 } })), "HorizontalPodAutoscaler")!;
    expect(cpuDefault.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }]);
  });

  it("under an HPA applies the replicas running now, kept inside the autoscaler's bounds", () => {
    const autoscaled = renderReleaseManifests(input({ autoscaling: { enabled: true, min: 2, max: 6 } })).slice(1);
    const running = (replicas: number | undefined): KubernetesManifest[] => [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "acme-shop-production" }, spec: { replicas } }];
    const replicasWith = (live: KubernetesManifest[]) => find(withAutoscaledReplicas(autoscaled, live), "Deployment")!.spec.replicas;
    expect(replicasWith(running(4))).toBe(4); // the autoscaler's choice stays
    expect(replicasWith(running(1))).toBe(2); // turning autoscaling on: at least the minimum at once
    expect(replicasWith(running(9))).toBe(6);
    expect(replicasWith([])).toBe(2); // first deploy
    expect(find(autoscaled, "Deployment")!.spec.replicas).toBeUndefined(); // the input is not changed

    const fixed = renderReleaseManifests(input({ replicas: 3 })).slice(1);
    expect(withAutoscaledReplicas(fixed, running(5))).toBe(fixed);
  });

  it("mounts volumes from their claims and recreates pods instead of rolling them", () => {
    const manifests = renderReleaseManifests(input({ volumes: [{ name: "data", mountPath: "/var/data", size: "5Gi" }] }, { storageClassName: "fast" }));
    const withVolume = find(manifests, "Deployment")!;
    expect(withVolume.spec.strategy).toEqual({ type: "Recreate" });
    expect(container(withVolume).volumeMounts).toEqual([{ name: "vol-data", mountPath: "/var/data" }]);
    expect(withVolume.spec.template.spec.volumes).toEqual([{ name: "vol-data", persistentVolumeClaim: { claimName: "web-data" } }]);
    expect(find(manifests, "PersistentVolumeClaim")!.spec).toEqual({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, storageClassName: "fast" });
  });

  it("gives a read-only root file system a writable /tmp", () => {
    const readOnly = renderDeployment(input({ readOnlyRootFilesystem: true })) as Any;
    expect(container(readOnly).securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container(readOnly).volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
  });

  it("puts test-only pod labels on the pods, never in the selector, and never over Slipway's", () => {
    const crash = renderDeployment(input({}, { extraPodLabels: { "slipway.dev/test-crash": "true", "slipway.dev/app": "evil" } })) as Any;
    expect(crash.spec.template.metadata.labels["slipway.dev/test-crash"]).toBe("true");
    expect(crash.spec.template.metadata.labels["slipway.dev/app"]).toBe("app1");
    expect(crash.spec.selector.matchLabels).toEqual({ "slipway.dev/app": "app1" });
  });
});

describe("runAsNonRoot where the image allows it", () => {
  it.each([
    [true, undefined, true],
    [true, "1000", true],
    [true, "1000:1000", true],
    [true, "", false],
    [true, "root", false],
    [true, "0:0", false],
    [true, "node", false], // a name the kubelet cannot check: it would refuse to start the container
    [false, "1000", false],
  ])("preference %s, image user %j → %s", (preference, imageUser, expected) => {
    expect(podRunsAsNonRoot({ runAsNonRoot: preference }, imageUser)).toBe(expected);
  });

  it("omits runAsNonRoot for an image that runs as root", () => {
    const rootImage = renderDeployment(input({}, { imageUser: "root" })) as Any;
    expect(rootImage.spec.template.spec.securityContext).toEqual({ seccompProfile: { type: "RuntimeDefault" } });
    expect(container(rootImage).securityContext.runAsNonRoot).toBeUndefined();
    expect(container(rootImage).securityContext.capabilities).toEqual({ drop: ["ALL"] });
  });
});

describe("Secret, Service and Ingress", () => {
  it("puts secrets base64-encoded in an Opaque Secret", () => {
    const secret = find(renderReleaseManifests(input({ secrets: ["TOKEN", "DB_PASSWORD"] }, { secretValues: { TOKEN: "t0k", DB_PASSWORD: "pä55", UNUSED: "x" } })), "Secret")!;
    expect(secret.type).toBe("Opaque");
    expect(secret.data).toEqual({ TOKEN: Buffer.from("t0k").toString("base64"), DB_PASSWORD: Buffer.from("pä55").toString("base64") });
    expect(secret.stringData).toBeUndefined();
  });

  it("exposes the app port on a ClusterIP Service selecting the app's pods", () => {
    const service = find(renderReleaseManifests(input({ port: 5000 })), "Service")!;
    expect(service.spec).toEqual({ type: "ClusterIP", selector: { "slipway.dev/app": "app1" }, ports: [{ name: "app", port: 5000, targetPort: "app", protocol: "TCP" }] });
  });

  it("routes each domain to the Service, with TLS from a Secret or from cert-manager", () => {
    const ingress = find(
      renderReleaseManifests(
        input(
          {
            domains: [
              { host: "shop.example.com", tls: { clusterIssuer: "letsencrypt" } },
              { host: "www.shop.example.com", tls: { clusterIssuer: "letsencrypt" } },
              { host: "legacy.example.com", tls: { secretName: "legacy-cert" } },
              { host: "plain.example.com" },
            ],
          },
          { ingressClassName: "nginx" },
        ),
      ),
      "Ingress",
    )!;
    expect(ingress.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBe("letsencrypt");
    expect(ingress.spec.ingressClassName).toBe("nginx");
    expect(ingress.spec.rules.map((rule: Any) => rule.host)).toEqual(["shop.example.com", "www.shop.example.com", "legacy.example.com", "plain.example.com"]);
    expect(ingress.spec.rules[0].http.paths).toEqual([{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { name: "app" } } } }]);
    expect(ingress.spec.tls).toEqual([
      { hosts: ["shop.example.com", "www.shop.example.com"], secretName: "web-tls" },
      { hosts: ["legacy.example.com"], secretName: "legacy-cert" },
    ]);
  });

  it("has no cert-manager annotation when no domain asks for it", () => {
    const ingress = find(renderReleaseManifests(input({ domains: [{ host: "a.example.com", tls: { secretName: "a" } }] })), "Ingress")!;
    expect(ingress.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBeUndefined();
  });
});

describe("the NetworkPolicy", () => {
  it("lets in the namespace, the team's namespaces and the ingress controller, and nothing else", () => {
    const policy = find(renderReleaseManifests(input()), "NetworkPolicy")!;
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { "slipway.dev/app": "app1" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            { podSelector: {} },
            { namespaceSelector: { matchLabels: { "slipway.dev/team": "team1" } } },
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } },
          ],
        },
      ],
    });
  });

  it("takes the ingress controller's namespace and extra peers from the operator", () => {
    const peers = networkPolicyPeersFromEnv({
      SLIPWAY_INGRESS_NAMESPACE_LABELS: "kubernetes.io/metadata.name=traefik",
      SLIPWAY_NETWORK_POLICY_EXTRA_NAMESPACES: "kubernetes.io/metadata.name=monitoring;team=platform,tier=ops",
    });
    const policy = find(renderReleaseManifests(input({}, { networkPolicyPeers: peers })), "NetworkPolicy")!;
    expect(policy.spec.ingress[0].from.slice(2)).toEqual([
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "traefik" } } },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
      { namespaceSelector: { matchLabels: { team: "platform", tier: "ops" } } },
    ]);
    const none = find(renderReleaseManifests(input({}, { networkPolicyPeers: networkPolicyPeersFromEnv({ SLIPWAY_INGRESS_NAMESPACE_LABELS: "none" }) })), "NetworkPolicy")!;
    expect(none.spec.ingress[0].from).toHaveLength(2);
  });
});

describe("namespaceFor", () => {
  it("joins team, project and environment", () => {
    expect(namespaceFor({ id: "t", slug: "acme" }, { id: "p", name: "shop" }, { id: "e", name: "production" })).toBe("acme-shop-production");
  });

  it("cuts names over 63 characters and ends them with a stable hash of the ids", () => {
    const team = { id: "t1", slug: "a".repeat(40) };
    const project = { id: "p1", name: "b".repeat(30) };
    const name = namespaceFor(team, project, { id: "e1", name: "staging" });
    expect(name).toHaveLength(63);
    expect(name).toMatch(/^a{40}-b{13}-[0-9a-f]{8}$/);
    expect(namespaceFor(team, project, { id: "e1", name: "staging" })).toBe(name);
    expect(namespaceFor(team, project, { id: "e2", name: "staging" })).not.toBe(name);
  });
});
