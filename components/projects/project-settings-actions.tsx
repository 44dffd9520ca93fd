"use client";

import { useMutation } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { ConfirmDeleteDialog } from "@/components/forms/confirm-delete-dialog";
import { NameDialog } from "@/components/forms/name-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { projectNameSchema } from "@/server/names";

export function ProjectSettingsActions({ teamSlug, project }: { teamSlug: string; project: { id: string; name: string } }) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.project.rename.mutationOptions());
  const remove = useMutation(trpc.project.delete.mutationOptions());
  return (
    <>
      <NameDialog
        trigger={
          <Button variant="outline">
            <Pencil aria-hidden /> Rename
          </Button>
        }
        title="Rename project"
        description="Links to the old name stop working."
        label="Project name"
        hint="Lowercase letters, digits and hyphens, up to 30 characters."
        submitLabel="Rename"
        defaultValue={project.name}
        schema={projectNameSchema}
        onSubmit={async (name) => {
          const renamed = await rename.mutateAsync({ teamSlug, projectId: project.id, name });
          return `/${teamSlug}/projects/${renamed.name}`;
        }}
      />
      <ConfirmDeleteDialog
        trigger={
          <Button variant="outline" className="text-destructive">
            <Trash2 aria-hidden /> Delete
          </Button>
        }
        title={`Delete ${project.name}?`}
        description="The project and its environments are deleted. Projects that still have apps cannot be deleted: delete the apps first."
        confirmText={project.name}
        onConfirm={(confirmation) => remove.mutateAsync({ teamSlug, projectId: project.id, confirmation })}
        redirectTo={`/${teamSlug}`}
      />
    </>
  );
}
