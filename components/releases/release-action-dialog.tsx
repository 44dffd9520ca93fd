"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { ReleaseDiffView } from "@/components/releases/release-diff";

type Target = { kind: "build"; buildId?: string } | { kind: "rollback"; version: number };

/**
 * Deploy or roll back, after reading what would change: the dialog asks the server for the
 * diff (image, settings, dry run of every object) when it opens, and acts only on confirm.
 */
export function ReleaseActionDialog({ teamSlug, appId, target, trigger, confirmLabel }: { teamSlug: string; appId: string; target: Target; trigger: React.ReactNode; confirmLabel: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const preview = useQuery({ ...trpc.release.preview.queryOptions({ teamSlug, appId, target }), enabled: open, staleTime: 0, gcTime: 0 });
  const onSuccess = (release: { version: number }) => {
    setOpen(false);
    toast.success(`v${release.version} is on its way out.`);
    router.push(`/${teamSlug}/apps/${appId}`);
    router.refresh();
  };
  const deploy = useMutation(trpc.release.deploy.mutationOptions({ onSuccess }));
  const rollback = useMutation(trpc.release.rollback.mutationOptions({ onSuccess }));
  const pending = deploy.isPending || rollback.isPending;
  const error = deploy.error ?? rollback.error;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{preview.data?.title ?? (target.kind === "rollback" ? `Roll back to v${target.version}` : "Deploy")}</DialogTitle>
          <DialogDescription>
            {preview.data ? `This creates release v${preview.data.version}. Read what changes, then confirm.` : "Asking the cluster what would change…"}
            {target.kind === "rollback" && " Rolling back pauses auto-deploy until you resume it."}
          </DialogDescription>
        </DialogHeader>
        {preview.isLoading && <div className="grid gap-2"><Skeleton className="h-5 w-2/3" /><Skeleton className="h-5 w-1/2" /><Skeleton className="h-24 w-full" /></div>}
        {preview.error && <FormError message={preview.error.message} />}
        {preview.data && <ReleaseDiffView preview={preview.data} />}
        <FormError message={error?.message} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            disabled={!preview.data}
            loading={pending}
            onClick={() => (target.kind === "rollback" ? rollback.mutate({ teamSlug, appId, version: target.version }) : deploy.mutate({ teamSlug, appId, buildId: target.buildId }))}
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
