import { Progress } from "@/components/ui/progress";
import type { TimelineEntry } from "@/server/releases/run-deploy-job";

/**
 * How far a rollout got: new pods ready out of desired, as a bar, with the latest sentence
 * from the cluster and the timeline below.
 */
export function RolloutProgress({ timeline, status }: { timeline: TimelineEntry[]; status: string }) {
  const last = [...timeline].reverse().find((entry) => entry.desired !== undefined);
  const desired = last?.desired ?? 0;
  const ready = Math.min(last?.updated ?? 0, last?.ready ?? 0);
  const percent = status === "AVAILABLE" ? 100 : desired > 0 ? Math.round((ready / desired) * 100) : 0;
  const tone = status === "FAILED" ? "destructive" : status === "AVAILABLE" ? "success" : ("default" as const);
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between text-sm">
        <span data-testid="rollout-counts">{desired > 0 ? `${ready} of ${desired} new pods ready` : "Preparing…"}</span>
        <span className="text-muted-foreground">{percent}%</span>
      </div>
      <Progress value={percent} tone={tone} aria-label="Rollout progress" data-testid="rollout-progress" />
      <ol className="grid gap-1 text-xs text-muted-foreground">
        {timeline.slice(-6).map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="flex gap-2">
            <time className="shrink-0 font-mono">{entry.at.slice(11, 19)}</time>
            <span className="font-medium text-foreground">{entry.phase}</span>
            <span className="truncate">{entry.message ?? (entry.desired !== undefined ? `${entry.updated}/${entry.desired} updated, ${entry.ready} ready` : "")}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
