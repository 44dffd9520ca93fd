"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { NameDialog } from "@/components/forms/name-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { projectNameSchema } from "@/server/names";

export function CreateProjectButton({ teamSlug, variant }: { teamSlug: string; variant?: "default" | "outline" }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.project.create.mutationOptions());
  return (
    <NameDialog
      trigger={
        <Button variant={variant}>
          <Plus aria-hidden /> New project
        </Button>
      }
      title="New project"
      description="A project groups the apps of one product. It starts with a production environment."
      label="Project name"
      hint="Lowercase letters, digits and hyphens, up to 30 characters."
      placeholder="storefront"
      submitLabel="Create project"
      schema={projectNameSchema}
      onSubmit={async (name) => {
        const project = await create.mutateAsync({ teamSlug, name });
        return `/${teamSlug}/projects/${project.name}`;
      }}
    />
  );
}
