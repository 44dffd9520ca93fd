"use client";

import { ClusterErrorNotice } from "@/components/clusters/cluster-error-notice";
import { useQuery } from "@tanstack/react-query";
import { Boxes } from "lucide-react";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusDot, type Status } from "@/components/ui/status-dot";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AppEvent, PodSummary } from "@/server/cluster";

const REFRESH_MS = 3_000;

export function age(from: string | null, now: number): string {
  if (!from) return "—";
  const seconds = Math.max(0, Math.round((now - Date.parse(from)) / 1000));
  if (seconds < 90) return `${seconds}s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)}m`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}

function podStatus(pod: PodSummary): Status {
  if (pod.deleting) return "idle";
  if (pod.status === "Running" && pod.readyContainers === pod.totalContainers) return "ok";
  if (/CrashLoop|Error|Failed|OOM|ImagePull|ErrImage/.test(pod.status)) return "error";
  if (pod.phase === "Pending" || pod.status === "ContainerCreating") return "progress";
  return "warning";
}

/** The app's pods as the cluster has them (re-read every few seconds) and the events of its objects. */
export function PodsLive({ teamSlug, appId, initial }: { teamSlug: string; appId: string; initial: { pods: PodSummary[]; events: AppEvent[]; deployed: boolean; clusterError: string | null } }) {
  const trpc = useTRPC();
  const { data = initial } = useQuery(trpc.pods.list.queryOptions({ teamSlug, appId }, { initialData: initial, refetchInterval: REFRESH_MS }));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (!data.deployed) {
    return <EmptyState icon={Boxes} title="No pods yet" description="Pods appear here once the app is deployed." />;
  }
  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      <ClusterErrorNotice error={data.clusterError} />
      <Card>
        <CardHeader>
          <CardTitle>Pods</CardTitle>
          <CardDescription>{data.pods.length} pod{data.pods.length === 1 ? "" : "s"}, live from the cluster.</CardDescription>
        </CardHeader>
        <CardContent>
          {data.pods.length === 0 ? (
            <p className="text-sm text-muted-foreground">No pods are running (the app may be paused or scaled to zero).</p>
          ) : (
            <Table aria-label="Pods">
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Ready</TableHead>
                  <TableHead className="text-right">Restarts</TableHead>
                  <TableHead className="text-right">Age</TableHead>
                  <TableHead>Node</TableHead>
                  <TableHead>Release</TableHead>
                  <TableHead>Last termination</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.pods.map((pod) => (
                  <TableRow key={pod.name} data-testid="pod-row" data-pod={pod.name}>
                    <TableCell className="font-mono text-xs">{pod.name}</TableCell>
                    <TableCell><StatusDot status={podStatus(pod)} label={pod.status} showLabel /></TableCell>
                    <TableCell className="text-right tabular-nums">{pod.readyContainers}/{pod.totalContainers}</TableCell>
                    <TableCell className="text-right tabular-nums" data-testid="pod-restarts">{pod.restarts}</TableCell>
                    <TableCell className="text-right tabular-nums">{age(pod.createdAt, now)}</TableCell>
                    <TableCell className="font-mono text-xs">{pod.node ?? "—"}</TableCell>
                    <TableCell>{pod.releaseVersion ? `v${pod.releaseVersion}` : "—"}</TableCell>
                    <TableCell className="text-sm whitespace-normal" data-testid="pod-termination">
                      {pod.lastTermination ? (
                        <span title={pod.lastTermination.message ?? undefined}>
                          {pod.lastTermination.reason}
                          {pod.lastTermination.exitCode !== undefined && <span className="text-muted-foreground"> (exit {pod.lastTermination.exitCode}{pod.lastTermination.finishedAt ? `, ${age(pod.lastTermination.finishedAt, now)} ago` : ""})</span>}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Events</CardTitle>
          <CardDescription>What Kubernetes said about the app&apos;s Deployment, ReplicaSets, pods and autoscaler, newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          {data.events.length === 0 ? (
            <p className="text-sm text-muted-foreground">No events (Kubernetes keeps them for about an hour).</p>
          ) : (
            <Table aria-label="Events">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-20">Age</TableHead>
                  <TableHead className="w-24">Type</TableHead>
                  <TableHead>Reason</TableHead>
                  <TableHead>Object</TableHead>
                  <TableHead>Message</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.events.map((event, index) => (
                  <TableRow key={`${event.lastAt}-${event.object.name}-${event.reason}-${index}`}>
                    <TableCell className="tabular-nums">{age(event.lastAt, now)}</TableCell>
                    <TableCell><Badge variant={event.type === "Warning" ? "warning" : "secondary"}>{event.type}</Badge></TableCell>
                    <TableCell className="text-sm font-medium">{event.reason}{event.count > 1 && <span className="text-muted-foreground"> ×{event.count}</span>}</TableCell>
                    <TableCell className="font-mono text-xs">{event.object.kind.toLowerCase()}/{event.object.name}</TableCell>
                    <TableCell className="min-w-72 text-sm whitespace-normal">{event.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
