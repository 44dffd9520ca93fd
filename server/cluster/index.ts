/**
 * The Kubernetes adapter: the only code that talks to a cluster. Everything here takes a
 * ClusterConfig (from parseKubeconfig or defaultClusterConfig) and plain domain values, and
 * throws ClusterError.
 */
export { ClusterConfig } from "./cluster-config";
export { ClusterError, isClusterError, type ClusterErrorCode } from "./cluster-error";
export { parseKubeconfig, kubeconfigPolicyFromEnv, type KubeconfigPolicy } from "./parse-kubeconfig";
export { defaultClusterConfig } from "./default-cluster-config";
export { checkClusterConnection, type ClusterConnection } from "./check-cluster-connection";
export { ensureNamespace, type EnsureNamespaceInput, type EnsuredNamespace } from "./ensure-namespace";
export { applyRelease, type ApplyReleaseInput, type AppliedRelease } from "./apply-release";
export { dryRunRelease, type DryRunReleaseInput, type ReleaseDiff, type ObjectDiff, type ObjectAction } from "./dry-run-release";
export { diffObjects, type FieldChange } from "./diff-objects";
export { watchRollout, type WatchRolloutInput, type RolloutPhase, type RolloutProgress } from "./watch-rollout";
export { evaluateRollout } from "./rollout-status";
export { readDeploymentState, type DeploymentState } from "./read-deployment-state";
export { detectDrift, type DetectDriftInput, type DriftItem } from "./detect-drift";
export { deleteAppResources } from "./delete-app-resources";
export type { ObjectRef } from "./app-objects";
export * from "./render";
export { summarizePod, type PodSummary, type ContainerSummary, type PodTermination } from "./pod-summary";
export { listAppPods } from "./list-app-pods";
export { watchAppPods, type PodChange, type WatchAppPodsInput } from "./watch-app-pods";
export { openPodLog, type OpenPodLogInput } from "./open-pod-log";
export { listAppEvents, type AppEvent } from "./list-app-events";
export { restartDeployment, RESTARTED_AT_ANNOTATION } from "./restart-deployment";
export { readReplicaCounts, type ReplicaCounts } from "./read-replica-counts";
