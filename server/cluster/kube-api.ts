/**
 * @internal The API clients behind server/cluster's functions. Each request gets a timeout
 * (client-node has none by default, so an unreachable server would hang a worker job), combined
 * with the caller's AbortSignal; failures become ClusterErrors naming the server and the action.
 */
import {
  AppsV1Api,
  AuthenticationV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  KubernetesObjectApi,
  NetworkingV1Api,
  ServerConfiguration,
  VersionApi,
  createConfiguration,
  type KubeConfig,
  type RequestContext,
} from "@kubernetes/client-node";
import { createHash } from "node:crypto";
import https from "node:https";
import { kubeConfigOf, type ClusterConfig } from "./cluster-config";
import { ClusterError, toClusterError } from "./cluster-error";

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface KubeApiOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface KubeApi {
  kubeConfig: KubeConfig;
  server: string;
  timeoutMs: number;
  core: CoreV1Api;
  apps: AppsV1Api;
  networking: NetworkingV1Api;
  autoscaling: AutoscalingV2Api;
  authentication: AuthenticationV1Api;
  version: VersionApi;
  objects: KubernetesObjectApi;
  /** Runs one API call; maps its failure to a ClusterError saying what was being done. */
  call<T>(action: string, run: () => Promise<T>): Promise<T>;
}

export function kubeApi(config: ClusterConfig, { timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS, signal }: KubeApiOptions = {}): KubeApi {
  const kubeConfig = kubeConfigOf(config);
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new ClusterError("invalid_kubeconfig", "The kubeconfig has no current cluster.");

  // client-node asks the "default" auth method to prepare every request, typed or generic,
  // which makes it the one place to attach a per-request deadline.
  const authentication = {
    getName: () => "slipway-kubeconfig",
    async applySecurityAuthentication(context: RequestContext) {
      await kubeConfig.applySecurityAuthentication(context);
      const shared = keepAliveAgent(cluster.server, context.getAgent());
      if (shared) context.setAgent(shared);
      const deadline = AbortSignal.timeout(timeoutMs);
      context.setSignal(signal ? AbortSignal.any([deadline, signal]) : deadline);
    },
  };
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: authentication },
  });

  const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw new ClusterError("aborted", `Stopped before ${action}.`);
    try {
      return await run();
    } catch (error) {
      if (signal?.aborted) throw new ClusterError("aborted", `Stopped while ${action}.`, { cause: error });
      throw toClusterError(error, { server: cluster.server, action, timeoutMs });
    }
  };

  return {
    kubeConfig,
    server: cluster.server,
    timeoutMs,
    core: new CoreV1Api(configuration),
    apps: new AppsV1Api(configuration),
    networking: new NetworkingV1Api(configuration),
    autoscaling: new AutoscalingV2Api(configuration),
    authentication: new AuthenticationV1Api(configuration),
    version: new VersionApi(configuration),
    objects: new KubernetesObjectApi(configuration),
    call,
  };
}

// client-node gives every request an agent of its own, so every request opens a new TLS
// connection: a handshake's CPU on both ends and a round trip more, a dozen times per deploy.
// Requests to one API server with the same TLS credentials share one keep-alive agent instead.
// Idle connections close after a few seconds, well before any API server or load balancer
// drops them, so a request never goes out on a connection the other end is closing.
const IDLE_SOCKET_MS = 5_000;
const MAX_AGENTS = 50;
const agents = new Map<string, https.Agent>();

function keepAliveAgent(server: string, created: unknown): https.Agent | undefined {
  // Only a plain https.Agent: a proxy's agent is left as client-node made it.
  if (!(created instanceof https.Agent) || created.constructor !== https.Agent) return undefined;
  const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = created.options;
  const tls = { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername };
  // Certificates and keys come as Buffers (new ones for every request): hashed as bytes, not as JSON.
  const hash = createHash("sha256").update(`${server}\0${String(rejectUnauthorized)}\0${servername ?? ""}\0${passphrase ?? ""}`);
  for (const value of [ca, cert, key, pfx].flat()) {
    hash.update("\0");
    if (typeof value === "string" || Buffer.isBuffer(value)) hash.update(value);
    else if (value !== undefined) hash.update(JSON.stringify(value));
  }
  const id = hash.digest("hex");
  let agent = agents.get(id);
  if (!agent) {
    agent = new https.Agent({ ...tls, keepAlive: true, timeout: IDLE_SOCKET_MS });
    agents.set(id, agent);
    if (agents.size > MAX_AGENTS) {
      const [oldest, old] = agents.entries().next().value!;
      agents.delete(oldest);
      old.destroy();
    }
  }
  return agent;
}
