import { Badge } from "@/components/ui/badge";
import { StatusDot, type Status } from "@/components/ui/status-dot";

export type BuildStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

const LOOK: Record<BuildStatus, { label: string; dot: Status; badge: "secondary" | "success" | "destructive" | "outline" | "warning" }> = {
  QUEUED: { label: "Queued", dot: "idle", badge: "outline" },
  RUNNING: { label: "Building", dot: "progress", badge: "secondary" },
  SUCCEEDED: { label: "Succeeded", dot: "ok", badge: "success" },
  FAILED: { label: "Failed", dot: "error", badge: "destructive" },
  CANCELLED: { label: "Cancelled", dot: "warning", badge: "warning" },
};

export function BuildStatusBadge({ status }: { status: BuildStatus }) {
  const look = LOOK[status];
  return (
    <Badge variant={look.badge} data-testid="build-status">
      <StatusDot status={look.dot} label={look.label} /> {look.label}
    </Badge>
  );
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function buildDuration(build: { startedAt: Date | string | null; finishedAt: Date | string | null }, now = Date.now()): number | null {
  if (!build.startedAt) return null;
  const end = build.finishedAt ? new Date(build.finishedAt).getTime() : now;
  return end - new Date(build.startedAt).getTime();
}
