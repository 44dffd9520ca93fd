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
