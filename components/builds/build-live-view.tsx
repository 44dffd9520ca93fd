"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { toast } from "@/components/ui/toaster";
import { LogViewer } from "@/components/logs/log-viewer";
import { BuildStatusBadge, buildDuration, formatDuration } from "@/components/builds/build-status";
import { StepIndicator } from "@/components/builds/step-indicator";
import { useBuildStream, type LiveBuildState } from "@/components/builds/use-build-stream";

/** The build page's live part: status, steps, the log as it is written, and cancel. */
export function BuildLiveView({ teamSlug, buildId, initial, canCancel }: { teamSlug: string; buildId: string; initial: LiveBuildState; canCancel: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const { lines, state, ended } = useBuildStream(buildId, initial);
  const [now, setNow] = useState(() => Date.now());
  const active = state.status === "QUEUED" || state.status === "RUNNING";
  const cancel = useMutation(trpc.build.cancel.mutationOptions({ onError: (error) => toast.error(error.message), onSuccess: () => toast.message("Cancelling the build…") }));

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);

  // When the build ends, the server page has the layers and settings to show: refresh it once.
  useEffect(() => {
    if (ended && initial.status !== state.status) router.refresh();
  }, [ended, initial.status, state.status, router]);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <BuildStatusBadge status={state.status} />
        <span className="text-sm text-muted-foreground">{formatDuration(buildDuration(state, now))}</span>
        {state.imageDigest && (
          <span className="flex min-w-0 items-center gap-1 text-sm">
            <span className="text-muted-foreground">Digest</span>
            <code data-testid="image-digest" className="truncate font-mono text-xs">{state.imageDigest}</code>
            <CopyButton value={state.imageReference ?? state.imageDigest} label="Copy image reference" size="icon" variant="ghost" />
          </span>
        )}
        {canCancel && active && (
          <Button className="ml-auto" variant="outline" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate({ teamSlug, buildId })}>
            Cancel build
          </Button>
        )}
      </div>
      {state.errorMessage && (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {state.errorMessage}
        </p>
      )}
      <StepIndicator steps={state.steps} now={now} />
      <LogViewer lines={lines} className="h-[28rem]" label="Build log" emptyText={state.status === "QUEUED" ? "Waiting for a worker to pick up this build…" : "No output yet."} />
    </div>
  );
}
