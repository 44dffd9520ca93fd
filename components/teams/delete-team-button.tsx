"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmDeleteDialog } from "@/components/forms/confirm-delete-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

export function DeleteTeamButton({ team }: { team: { slug: string; name: string } }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.team.delete.mutationOptions());
  return (
    <ConfirmDeleteDialog
      trigger={<Button variant="destructive">Delete team</Button>}
      title={`Delete ${team.name}?`}
      description="The team, its projects, members, invitations and audit log are deleted. A team that still has apps cannot be deleted: delete its apps first."
      confirmText={team.slug}
      onConfirm={(confirmation) => remove.mutateAsync({ teamSlug: team.slug, confirmation })}
      redirectTo="/"
    />
  );
}
