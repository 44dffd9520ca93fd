"use client";

import { ClusterErrorNotice } from "@/components/clusters/cluster-error-notice";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pause, Play, RotateCw } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { StatusDot } from "@/components/ui/status-dot";
import { toast } from "@/components/ui/toaster";
import { ReplicaChart } from "@/components/scaling/replica-chart";
import type { getScaling } from "@/server/scaling/get-scaling";
import type { getScalingHistory } from "@/server/scaling/get-scaling-history";

type Scaling = Awaited<ReturnType<typeof getScaling>>;
type History = Awaited<ReturnType<typeof getScalingHistory>>;

const HOURS = [1, 6, 24, 48];

/** Replicas, pause/resume, restart, autoscaling and size, applied at once; desired vs ready live. */
export function ScalingControls({ teamSlug, appId, initial, initialHistory, canEdit }: { teamSlug: string; appId: string; initial: Scaling; initialHistory: History; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { teamSlug, appId };
  const { data = initial } = useQuery(trpc.scaling.get.queryOptions(input, { initialData: initial, refetchInterval: 2_000 }));
  const [hours, setHours] = useState(6);
  const history = useQuery(trpc.scaling.history.queryOptions({ ...input, hours }, { initialData: hours === 6 ? initialHistory : undefined, refetchInterval: 15_000 }));

  const [replicas, setReplicas] = useState(String(initial.scaling.replicas));
  const [autoscaling, setAutoscaling] = useState({
    enabled: initial.scaling.autoscaling.enabled,
    min: String(initial.scaling.autoscaling.min),
    max: String(initial.scaling.autoscaling.max),
    cpuPercent: initial.scaling.autoscaling.cpuPercent?.toString() ?? "",
    memoryPercent: initial.scaling.autoscaling.memoryPercent?.toString() ?? "",
  });
  const [preset, setPreset] = useState<string>(initial.scaling.resources.preset);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.scaling.get.queryKey(input) });
    void queryClient.invalidateQueries({ queryKey: trpc.scaling.history.queryKey({ ...input, hours }) });
  };
  const handlers = (what: string, done: (result: { applied: boolean; reason?: string; scaling?: { replicas: number } }) => string) => ({
    onError: (error: { message: string; data?: { fieldErrors?: Record<string, string> } | null }) => {
      setErrors({ [what]: Object.values(error.data?.fieldErrors ?? {})[0] ?? error.message });
    },
    onSuccess: (result: { applied: boolean; reason?: string; scaling?: { replicas: number } }) => {
      setErrors({});
      if (result.applied) toast.success(done(result));
      else toast.message(result.reason ?? "Saved.");
      if (result.scaling) setReplicas(String(result.scaling.replicas));
      refresh();
    },
  });
  const scale = useMutation(trpc.scaling.setReplicas.mutationOptions(handlers("replicas", (result) => `Scaling to ${result.scaling?.replicas}.`)));
  const pause = useMutation(trpc.scaling.pause.mutationOptions(handlers("replicas", () => "Paused: no pod runs until you resume.")));
  const resume = useMutation(trpc.scaling.resume.mutationOptions(handlers("replicas", (result) => `Resuming at ${result.scaling?.replicas} replicas.`)));
  const saveAutoscaling = useMutation(trpc.scaling.setAutoscaling.mutationOptions(handlers("autoscaling", () => "Autoscaling saved and applied.")));
  const saveResources = useMutation(trpc.scaling.setResources.mutationOptions(handlers("resources", () => "New size applied: the pods roll one by one.")));
  const restart = useMutation(
    trpc.scaling.restart.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSuccess: () => {
        toast.success("Restarting: new pods start before the old ones stop.");
        refresh();
      },
    }),
  );

  const live = data.live;
  const settling = live && (live.ready !== live.desired || live.updated !== live.desired);
  const number = (value: string) => (value.trim() === "" ? undefined : Number(value));

  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      <ClusterErrorNotice error={data.clusterError} />
      <Card>
        <CardHeader>
          <CardTitle>Replicas</CardTitle>
          <CardDescription>Applied at once to the running release; no new release is made. The next deploy keeps it.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="flex flex-wrap items-center gap-8">
            <div>
              <div className="text-xs text-muted-foreground">Desired</div>
              <div className="text-3xl font-semibold tabular-nums" data-testid="replicas-desired">{live ? live.desired : "—"}</div>
            </div>
            <div>
              <div className="text-xs text-muted-foreground">Ready</div>
              <div className="text-3xl font-semibold tabular-nums" data-testid="replicas-ready">{live ? live.ready : "—"}</div>
            </div>
            <StatusDot
              status={!data.deployed ? "idle" : data.paused ? "idle" : settling ? "progress" : "ok"}
              label={!data.deployed ? "Not deployed yet" : data.paused ? `Paused (resumes at ${data.pausedReplicas})` : settling ? "Scaling…" : "Steady"}
              showLabel
              data-testid="scaling-state"
            />
            {live?.autoscaler && (
              <span className="text-sm text-muted-foreground">
                Autoscaler: {live.autoscaler.min}–{live.autoscaler.max}{live.autoscaler.desired > 0 && `, wants ${live.autoscaler.desired}`}
                {live.autoscaler.cpuPercent !== undefined && `, CPU ${live.autoscaler.cpuPercent}%`}
              </span>
            )}
          </div>
          {canEdit && (
            <div className="flex flex-wrap items-end gap-3">
              <form
                className="flex items-end gap-2"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  scale.mutate({ ...input, replicas: Number(replicas) });
                }}
              >
                <Field label="Replicas" error={errors.replicas} description={`0 to ${data.maxReplicas}`} className="w-40">
                  <Input type="number" inputMode="numeric" min={0} max={data.maxReplicas} value={replicas} onChange={(event) => setReplicas(event.target.value)} disabled={data.scaling.autoscaling.enabled && !data.paused} />
                </Field>
                <Button type="submit" loading={scale.isPending} disabled={data.scaling.autoscaling.enabled && !data.paused}>Scale</Button>
              </form>
              {data.paused ? (
                <Button variant="outline" loading={resume.isPending} onClick={() => resume.mutate(input)}><Play aria-hidden /> Resume</Button>
              ) : (
                <Button variant="outline" loading={pause.isPending} onClick={() => pause.mutate(input)} disabled={!data.deployed}><Pause aria-hidden /> Pause</Button>
              )}
              <AlertDialog>
                <AlertDialogTrigger asChild>
                  <Button variant="outline" disabled={!data.deployed || data.paused}><RotateCw aria-hidden /> Restart</Button>
                </AlertDialogTrigger>
                <AlertDialogContent>
                  <AlertDialogHeader>
                    <AlertDialogTitle>Restart every pod?</AlertDialogTitle>
                    <AlertDialogDescription>Pods are replaced one by one: a new pod starts and becomes ready before an old one stops, so the app keeps serving.</AlertDialogDescription>
                  </AlertDialogHeader>
                  <AlertDialogFooter>
                    <AlertDialogCancel>Cancel</AlertDialogCancel>
                    <AlertDialogAction onClick={() => restart.mutate(input)}>Restart</AlertDialogAction>
                  </AlertDialogFooter>
                </AlertDialogContent>
              </AlertDialog>
            </div>
          )}
          {data.scaling.autoscaling.enabled && !data.paused && <p className="text-sm text-muted-foreground">The autoscaler sets the replica count; turn autoscaling off to set it by hand.</p>}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>History</CardTitle>
          <CardDescription>Desired and ready replicas, with scaling changes and releases marked.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <div className="flex justify-end">
            <Select value={String(hours)} onValueChange={(value) => setHours(Number(value))}>
              <SelectTrigger size="sm" className="w-36" aria-label="Period"><SelectValue /></SelectTrigger>
              <SelectContent>{HOURS.map((value) => <SelectItem key={value} value={String(value)}>Last {value === 1 ? "hour" : `${value} hours`}</SelectItem>)}</SelectContent>
            </Select>
          </div>
          {history.data && <ReplicaChart samples={history.data.samples} events={history.data.events} since={new Date(history.data.since).toISOString()} until={Date.now()} />}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Autoscaling</CardTitle>
          <CardDescription>A HorizontalPodAutoscaler adds pods when the average use of the requested CPU (or memory) goes above the target.</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            className="grid max-w-2xl gap-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              saveAutoscaling.mutate({ ...input, autoscaling: { enabled: autoscaling.enabled, min: Number(autoscaling.min), max: Number(autoscaling.max), cpuPercent: number(autoscaling.cpuPercent), memoryPercent: number(autoscaling.memoryPercent) } });
            }}
          >
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={autoscaling.enabled} disabled={!canEdit} onChange={(event) => setAutoscaling({ ...autoscaling, enabled: event.target.checked })} /> Autoscale
            </label>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Field label="Minimum"><Input type="number" min={1} value={autoscaling.min} disabled={!canEdit} onChange={(event) => setAutoscaling({ ...autoscaling, min: event.target.value })} /></Field>
              <Field label="Maximum"><Input type="number" min={1} value={autoscaling.max} disabled={!canEdit} onChange={(event) => setAutoscaling({ ...autoscaling, max: event.target.value })} /></Field>
              <Field label="CPU target %"><Input type="number" min={1} max={100} placeholder="80" value={autoscaling.cpuPercent} disabled={!canEdit} onChange={(event) => setAutoscaling({ ...autoscaling, cpuPercent: event.target.value })} /></Field>
              <Field label="Memory target %"><Input type="number" min={1} max={100} placeholder="off" value={autoscaling.memoryPercent} disabled={!canEdit} onChange={(event) => setAutoscaling({ ...autoscaling, memoryPercent: event.target.value })} /></Field>
            </div>
            {errors.autoscaling && <p role="alert" className="text-sm text-destructive">{errors.autoscaling}</p>}
            {canEdit && <div><Button type="submit" loading={saveAutoscaling.isPending}>Save autoscaling</Button></div>}
          </form>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Resources</CardTitle>
          <CardDescription>What each pod reserves (requests) and may use at most (limits). A change rolls the pods one by one.</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            className="flex flex-wrap items-end gap-3"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (preset !== "custom") saveResources.mutate({ ...input, resources: { preset: preset as "small" } });
            }}
          >
            <Field label="Size" error={errors.resources} className="w-72">
              {(control) => (
                <Select value={preset} onValueChange={setPreset} disabled={!canEdit}>
                  <SelectTrigger {...control}><SelectValue /></SelectTrigger>
                  <SelectContent>
                    {Object.entries(data.presets).map(([name, amounts]) => (
                      <SelectItem key={name} value={name} description={`${amounts.requests.cpu} CPU / ${amounts.requests.memory}, up to ${amounts.limits.cpu} / ${amounts.limits.memory}`}>{name}</SelectItem>
                    ))}
                    {data.scaling.resources.preset === "custom" && <SelectItem value="custom">custom (set in the settings)</SelectItem>}
                  </SelectContent>
                </Select>
              )}
            </Field>
            {canEdit && <Button type="submit" loading={saveResources.isPending} disabled={preset === "custom" || preset === data.scaling.resources.preset}>Apply size</Button>}
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
