import { StatusDot } from "@/components/ui/status-dot";
import { releaseLook, type ReleaseStatus } from "@/components/releases/release-status";

/** An app's state in lists: its newest release's status, or "not deployed". */
export function AppStatusDot({ release, showLabel }: { release: { version: number; status: ReleaseStatus } | undefined; showLabel?: boolean }) {
  if (!release) return <StatusDot status="idle" label="Not deployed yet" showLabel={showLabel} />;
  const look = releaseLook(release.status);
  return <StatusDot status={look.dot} label={`v${release.version} ${look.label.toLowerCase()}`} showLabel={showLabel} />;
}
