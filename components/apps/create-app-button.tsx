"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { NameDialog } from "@/components/forms/name-dialog";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { appNameSchema } from "@/server/names";

export function CreateAppButton({ teamSlug, environment }: { teamSlug: string; environment: { id: string; name: string } }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.app.create.mutationOptions());
  return (
    <NameDialog
      trigger={
        <Button size="sm" variant="outline" aria-label={`New app in ${environment.name}`}>
          <Plus aria-hidden /> New app
        </Button>
      }
      title={`New app in ${environment.name}`}
      description="An app is one deployable service: a web server, an API or a worker, built from a git repository."
      label="App name"
      hint="Starts with a letter; lowercase letters, digits and hyphens, up to 40 characters."
      placeholder="web"
      submitLabel="Create app"
      schema={appNameSchema}
      onSubmit={async (name) => {
        const app = await create.mutateAsync({ teamSlug, environmentId: environment.id, name });
        return `/${teamSlug}/apps/${app.id}`;
      }}
    />
  );
}
