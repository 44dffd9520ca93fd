import { Badge } from "@/components/ui/badge";
import { StatusDot, type Status } from "@/components/ui/status-dot";

export type ReleaseStatus = "PENDING" | "WAITING" | "DEPLOYING" | "AVAILABLE" | "FAILED" | "SUPERSEDED";

const LOOK: Record<ReleaseStatus, { label: string; dot: Status; badge: "secondary" | "success" | "destructive" | "outline" | "warning" }> = {
  PENDING: { label: "Queued", dot: "idle", badge: "outline" },
  WAITING: { label: "Waiting for cluster", dot: "warning", badge: "warning" },
  DEPLOYING: { label: "Rolling out", dot: "progress", badge: "secondary" },
  AVAILABLE: { label: "Available", dot: "ok", badge: "success" },
  FAILED: { label: "Failed", dot: "error", badge: "destructive" },
  SUPERSEDED: { label: "Superseded", dot: "idle", badge: "outline" },
};

export function releaseLook(status: ReleaseStatus) {
  return LOOK[status];
}

export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  const look = LOOK[status];
  return (
    <Badge variant={look.badge} data-testid="release-status">
      <StatusDot status={look.dot} label={look.label} /> {look.label}
    </Badge>
  );
}

/** "3 minutes ago", in words, for lists. */
export function timeAgo(date: Date | string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(date).getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
