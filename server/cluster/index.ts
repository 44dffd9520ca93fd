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
