"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

/** Auto-deploy on/off, and the notice after a rollback paused it, with the button to resume. */
export function AutoDeployControl({ teamSlug, appId, enabled, pausedAt, canChange }: { teamSlug: string; appId: string; enabled: boolean; pausedAt: string | Date | null; canChange: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const set = useMutation(trpc.release.setAutoDeploy.mutationOptions({ onError: (error) => toast.error(error.message), onSuccess: () => router.refresh() }));
  if (enabled && pausedAt) {
    return (
      <div role="status" data-testid="auto-deploy-paused" className="flex flex-wrap items-center gap-3 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
        <span className="flex-1">Auto-deploy is paused since a rollback: new builds are not deployed until you resume it.</span>
        {canChange && <Button size="sm" variant="outline" loading={set.isPending} onClick={() => set.mutate({ teamSlug, appId, enabled: true })}>Resume auto-deploy</Button>}
      </div>
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-muted-foreground">Auto-deploy {enabled ? "is on: successful builds of the tracked branch go out by themselves." : "is off."}</span>
      {canChange && (
        <Button size="sm" variant="ghost" loading={set.isPending} onClick={() => set.mutate({ teamSlug, appId, enabled: !enabled })}>
          {enabled ? "Turn off" : "Turn on"}
        </Button>
      )}
    </div>
  );
}
