// The Kubernetes test cluster (tools/testcluster) as seen from integration tests: a real
// API server with fake kwok nodes. tests/integration/setup/cluster.global.ts starts it once
// per run; each test file gets its own namespace through useTestCluster().
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
} from "@kubernetes/client-node";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The kubeconfig that `cluster.sh up` writes; SLIPWAY_KUBECONFIG points elsewhere. */
export const testKubeconfigPath = process.env.SLIPWAY_KUBECONFIG ?? path.join(repoRoot, ".data/kubeconfig");

/** Where kwok reads pod logs from: <dir>/<namespace>/<pod>.log (see tools/testcluster/README.md). */
export const testPodLogDir = process.env.SLIPWAY_TESTCLUSTER_LOGS ?? path.join(repoRoot, ".data/testcluster/logs");

/** Label a pod template with this to make kwok crash-loop its containers. */
export const CRASH_LABEL = { "slipway.dev/test-crash": "true" } as const;

/** Every namespace made by the helper carries this label, so leftovers are easy to find. */
export const TEST_NAMESPACE_LABEL = { "slipway.dev/test": "true" } as const;

export interface AppendPodLogOptions {
  stream?: "stdout" | "stderr";
  /** Write to the log of the previous (crashed) container instance: `pods/log?previous=true`. */
  previous?: boolean;
}

export interface TestCluster {
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  objects: KubernetesObjectApi;
  /** This test file's namespace; it exists from beforeAll until afterAll. */
  namespace: string;
  /** Another namespace of its own, deleted after the file's tests. */
  createNamespace(prefix?: string): Promise<string>;
  /** Appends lines to a pod's log, as `kubectl logs` and `pods/log?follow=true` see it. */
  appendPodLog(namespace: string, pod: string, lines: string | string[], options?: AppendPodLogOptions): Promise<void>;
}

export function loadTestKubeConfig(): KubeConfig {
  if (!existsSync(testKubeconfigPath)) {
    throw new Error(`No test cluster kubeconfig at ${testKubeconfigPath}: run \`npm run cluster:up\` first.`);
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(testKubeconfigPath);
  return kubeConfig;
}

/**
 * Connects the calling test file to the test cluster. Call it at the top of the file (or of a
 * describe block): it registers the hooks that create the file's namespace and delete it
 * afterwards, together with any created by createNamespace() and their log files.
 */
export function useTestCluster(options: { namespacePrefix?: string } = {}): TestCluster {
  const kubeConfig = loadTestKubeConfig();
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  const owned: string[] = [];
  const namespace = randomNamespaceName(options.namespacePrefix ?? "test");

  async function createNamespace(prefix = "test"): Promise<string> {
    return createTestNamespace(core, randomNamespaceName(prefix), owned);
  }

  beforeAll(async () => {
    await createTestNamespace(core, namespace, owned);
  });

  afterAll(async () => {
    await Promise.all(owned.map((name) => deleteTestNamespace(core, name)));
  });

  return {
    kubeConfig,
    core,
    apps,
    objects,
    namespace,
    createNamespace,
    appendPodLog: (ns, pod, lines, logOptions) => appendPodLog(kubeConfig, ns, pod, lines, logOptions),
  };
}

/**
 * Polls `check` until it returns a value other than undefined/false, or fails with the last
 * error and `description` after `timeoutMs`. For waiting on controllers, not for delays.
 */
export async function pollUntil<T>(
  description: string,
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function randomNamespaceName(prefix: string): string {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 40);
  return `${safePrefix}-${randomBytes(4).toString("hex")}`;
}

async function createTestNamespace(core: CoreV1Api, name: string, owned: string[]): Promise<string> {
  await core.createNamespace({ body: { metadata: { name, labels: { ...TEST_NAMESPACE_LABEL } } } });
  owned.push(name);
  // The controller-manager adds the default ServiceAccount shortly after; until then the
  // API server rejects pods, and a ReplicaSet controller would back off for seconds.
  await pollUntil(`the default ServiceAccount in ${name}`, async () => {
    await core.readNamespacedServiceAccount({ name: "default", namespace: name });
    return true;
  });
  return name;
}

async function deleteTestNamespace(core: CoreV1Api, name: string): Promise<void> {
  try {
    await core.deleteNamespace({ name });
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 404)) throw error;
  }
  await rm(path.join(testPodLogDir, name), { recursive: true, force: true });
}

/** The pods whose Logs object this process has already created. */
const podsWithLogs = new Set<string>();

/**
 * kwok serves a pod's log from the files that a `Logs` object (kwok.x-k8s.io/v1alpha1)
 * names; this creates that object on first use and appends CRI-format lines to the file.
 */
export async function appendPodLog(
  kubeConfig: KubeConfig,
  namespace: string,
  pod: string,
  lines: string | string[],
  { stream = "stdout", previous = false }: AppendPodLogOptions = {},
): Promise<void> {
  const dir = path.join(testPodLogDir, namespace);
  const logsFile = path.join(dir, `${pod}.log`);
  const previousLogsFile = path.join(dir, `${pod}.previous.log`);
  await mkdir(dir, { recursive: true });
  // kwok opens both files on request, so both must exist before the first one.
  await appendFile(logsFile, "");
  await appendFile(previousLogsFile, "");

  const text = (Array.isArray(lines) ? lines : [lines])
    .flatMap((line) => line.split("\n"))
    .map((line) => `${new Date().toISOString()} ${stream} F ${line}\n`)
    .join("");
  await appendFile(previous ? previousLogsFile : logsFile, text);

  const key = `${namespace}/${pod}`;
  if (podsWithLogs.has(key)) return;
  if (text === "") return;
  await ensureLogsObject(kubeConfig, namespace, pod, logsFile, previousLogsFile);
  podsWithLogs.add(key);
  await waitUntilKwokServesLogs(kubeConfig, namespace, pod, previous);
}

async function ensureLogsObject(
  kubeConfig: KubeConfig,
  namespace: string,
  pod: string,
  logsFile: string,
  previousLogsFile: string,
): Promise<void> {
  const logs: KubernetesObject & { spec: unknown } = {
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind: "Logs",
    metadata: { name: pod, namespace },
    spec: { logs: [{ logsFile, previousLogsFile, follow: true }] },
  };
  try {
    await KubernetesObjectApi.makeApiClient(kubeConfig).create(logs);
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 409)) throw error;
  }
}

// kwok learns about a new Logs object through a watch; until then it would serve the
// shared default file. Reading the pod's log once it is on a node closes that gap.
async function waitUntilKwokServesLogs(kubeConfig: KubeConfig, namespace: string, pod: string, previous: boolean) {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const current = await core.readNamespacedPod({ name: pod, namespace }).catch(() => undefined);
  const container = current?.spec?.containers[0]?.name;
  if (!current?.spec?.nodeName || !container) return;
  await pollUntil(`kwok to serve the log of ${namespace}/${pod}`, async () => {
    const text = await core.readNamespacedPodLog({ name: pod, namespace, container, previous });
    return text.length > 0;
  }, { timeoutMs: 10_000, intervalMs: 100 });
}
