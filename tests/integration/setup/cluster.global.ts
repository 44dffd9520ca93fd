// Starts the Kubernetes test cluster once per vitest run (or reuses a running one:
// `cluster.sh up` is a quick no-op then). A cold machine builds the binaries first, which
// takes minutes; the cluster is left running afterwards so the next run starts warm.
// SLIPWAY_KUBECONFIG names a cluster someone else runs; nothing is started then.
// SLIPWAY_CLUSTER_DOWN_AFTER=1 stops the cluster when the run ends.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const clusterScript = path.join(repoRoot, "tools/testcluster/cluster.sh");

function runCluster(command: "up" | "down"): Promise<void> {
  return new Promise((resolve, reject) => {
    // The script's progress (a cold build takes minutes) goes straight to the terminal.
    const child = spawn("bash", [clusterScript, command], { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`tools/testcluster/cluster.sh ${command} failed (${signal ?? `exit code ${code}`}); see its output above`));
    });
  });
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SLIPWAY_KUBECONFIG) return undefined;
  await runCluster("up");
  if (process.env.SLIPWAY_CLUSTER_DOWN_AFTER !== "1") return undefined;
  return () => runCluster("down");
}
