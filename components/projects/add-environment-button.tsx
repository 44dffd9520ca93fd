"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { NameDialog } from "@/components/forms/name-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { environmentNameSchema } from "@/server/names";

export function AddEnvironmentButton({ teamSlug, projectId }: { teamSlug: string; projectId: string }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.project.addEnvironment.mutationOptions());
  return (
    <NameDialog
      trigger={
        <Button variant="outline">
          <Plus aria-hidden /> Add environment
        </Button>
      }
      title="Add an environment"
      description="Environments run the same apps separately, for example staging before production. Each gets its own namespace."
      label="Environment name"
      hint="Lowercase letters, digits and hyphens, up to 20 characters."
      placeholder="staging"
      submitLabel="Add environment"
      schema={environmentNameSchema}
      onSubmit={async (name) => {
        await add.mutateAsync({ teamSlug, projectId, name });
      }}
    />
  );
}
