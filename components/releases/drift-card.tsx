"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { TriangleAlert } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

/** Changes made to the cluster outside Slipway, and the button that puts the release back. */
export function DriftCard({ teamSlug, appId, version, items, canReconcile }: { teamSlug: string; appId: string; version: number; items: { field: string; message: string; kind: string; name: string }[]; canReconcile: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const reconcile = useMutation(trpc.release.reconcile.mutationOptions({
    onError: (error) => toast.error(error.message),
    onSuccess: () => { toast.success(`Putting v${version} back.`); router.refresh(); },
  }));
  return (
    <div data-testid="drift" className="grid gap-2 rounded-lg border border-warning/50 bg-warning/5 p-4 text-sm">
      <p className="flex items-center gap-2 font-medium"><TriangleAlert aria-hidden className="size-4 text-warning" /> The cluster differs from v{version}</p>
      <ul className="grid gap-1 text-muted-foreground">
        {items.map((item) => <li key={`${item.kind}/${item.name}/${item.field}`}><span className="font-mono text-xs">{item.kind}/{item.name}</span> — {item.message}</li>)}
      </ul>
      <p className="text-muted-foreground">The next deploy replaces these changes{canReconcile ? ", or reconcile now." : "."}</p>
      {canReconcile && <div><Button size="sm" variant="outline" loading={reconcile.isPending} onClick={() => reconcile.mutate({ teamSlug, appId })}>Reconcile</Button></div>}
    </div>
  );
}
