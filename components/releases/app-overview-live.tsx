"use client";

import { ClusterErrorNotice } from "@/components/clusters/cluster-error-notice";
import { ExternalLink, Rocket } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusDot } from "@/components/ui/status-dot";
import { ReleaseActionDialog } from "@/components/releases/release-action-dialog";
import { releaseLook, ReleaseStatusBadge, timeAgo, type ReleaseStatus } from "@/components/releases/release-status";
import { RolloutProgress } from "@/components/releases/rollout-progress";
import { useAppStream } from "@/components/releases/use-app-stream";
import type { AppLiveState } from "@/server/releases/stream-app-events";

/** The app page at a glance: is it up, which version, what is rolling out, what changed last. */
export function AppOverviewLive({ teamSlug, appId, initial, canDeploy }: { teamSlug: string; appId: string; initial: AppLiveState; canDeploy: boolean }) {
  const { state } = useAppStream(appId, initial);
  const { overview, replicas, clusterError } = state;
  const latest = overview.latest;
  const rolling = latest && ["PENDING", "DEPLOYING", "WAITING"].includes(latest.status);
  const up = replicas ? replicas.ready > 0 && replicas.ready >= replicas.desired : false;
  const status = !overview.live && !latest ? null : rolling ? "progress" : latest?.status === "FAILED" && !up ? "error" : up ? "ok" : replicas?.desired === 0 ? "idle" : "warning";
  const statusLabel = !status ? "Not deployed" : status === "progress" ? releaseLook(latest!.status as ReleaseStatus).label : status === "error" ? "Failed" : status === "ok" ? "Running" : status === "idle" ? "Paused (0 replicas)" : "Degraded";

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            {status && <StatusDot status={status} label={statusLabel} />} <span data-testid="app-status">{statusLabel}</span>
          </CardTitle>
          <CardDescription>
            {overview.live ? <>v{overview.live.version} is live: {overview.live.description}</> : "No release is live yet."}
          </CardDescription>
          {canDeploy && overview.lastBuild?.status === "SUCCEEDED" && (
            <CardAction>
              <ReleaseActionDialog
                teamSlug={teamSlug}
                appId={appId}
                target={{ kind: "build", buildId: overview.lastBuild.id }}
                confirmLabel="Deploy"
                trigger={<Button><Rocket aria-hidden /> Deploy build #{overview.lastBuild.number}</Button>}
              />
            </CardAction>
          )}
        </CardHeader>
        <CardContent className="grid gap-4">
          {overview.urls.length > 0 && (
            <ul className="grid gap-1 text-sm">
              {overview.urls.map((url) => (
                <li key={url}><a href={url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">{url} <ExternalLink aria-hidden className="size-3.5" /></a></li>
              ))}
            </ul>
          )}
          {replicas && (
            <dl className="grid grid-cols-3 gap-3 text-sm" data-testid="replicas">
              <div className="rounded-md border p-3"><dt className="text-muted-foreground">Desired</dt><dd className="text-lg font-semibold">{replicas.desired}</dd></div>
              <div className="rounded-md border p-3"><dt className="text-muted-foreground">Ready</dt><dd className="text-lg font-semibold" data-testid="ready-replicas">{replicas.ready}</dd></div>
              <div className="rounded-md border p-3"><dt className="text-muted-foreground">Up to date</dt><dd className="text-lg font-semibold">{replicas.updated}</dd></div>
            </dl>
          )}
          <ClusterErrorNotice error={clusterError} />
          {latest && (latest.status !== "AVAILABLE" || rolling) && (
            <div className="grid gap-2 rounded-md border p-3">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium">v{latest.version}: {latest.description}</span>
                <ReleaseStatusBadge status={latest.status as ReleaseStatus} />
              </div>
              {latest.statusMessage && <p className="text-sm text-muted-foreground" data-testid="release-message">{latest.statusMessage}</p>}
              <RolloutProgress timeline={latest.timeline} status={latest.status} />
            </div>
          )}
          {latest?.status === "AVAILABLE" && !rolling && latest.timeline.length > 0 && (
            <RolloutProgress timeline={latest.timeline} status={latest.status} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Last build</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-1 text-sm">
          {overview.lastBuild ? (
            <>
              <Link className="font-medium hover:underline" href={`/${teamSlug}/apps/${appId}/builds/${overview.lastBuild.id}`}>#{overview.lastBuild.number} · {overview.lastBuild.status.toLowerCase()}</Link>
              <span className="truncate text-muted-foreground"><code className="font-mono text-xs">{overview.lastBuild.commitSha.slice(0, 7)}</code> {overview.lastBuild.commitMessage?.split("\n")[0]}</span>
              {overview.lastBuild.finishedAt && <span className="text-xs text-muted-foreground">{timeAgo(overview.lastBuild.finishedAt)}</span>}
            </>
          ) : (
            <span className="text-muted-foreground">No builds yet.</span>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
