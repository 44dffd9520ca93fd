"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmDeleteDialog } from "@/components/forms/confirm-delete-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

export function DeleteAppButton({ teamSlug, app, projectName }: { teamSlug: string; app: { id: string; name: string }; projectName: string }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.app.delete.mutationOptions());
  return (
    <ConfirmDeleteDialog
      trigger={<Button variant="destructive">Delete app</Button>}
      title={`Delete ${app.name}?`}
      description="The app, its builds and releases are deleted, and its workloads are removed from the cluster. This cannot be undone."
      confirmText={app.name}
      onConfirm={(confirmation) => remove.mutateAsync({ teamSlug, appId: app.id, confirmation })}
      redirectTo={`/${teamSlug}/projects/${projectName}`}
    />
  );
}
