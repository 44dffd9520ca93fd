"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { displayNameSchema, teamSlugSchema } from "@/server/names";

const schema = z.object({ name: displayNameSchema, slug: teamSlugSchema });
type Values = z.input<typeof schema>;

export function RenameTeamForm({ team }: { team: { name: string; slug: string } }) {
  const router = useRouter();
  const trpc = useTRPC();
  const rename = useMutation(trpc.team.rename.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: team });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const renamed = await rename.mutateAsync({ teamSlug: team.slug, name: values.name, slug: values.slug });
      toast.success("Team renamed.");
      form.reset({ name: renamed.name, slug: renamed.slug });
      if (renamed.slug !== team.slug) router.replace(`/${renamed.slug}/settings`);
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ["name", "slug"]));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
      <Field label="Team name" error={form.formState.errors.name?.message}>
        <Input {...form.register("name")} />
      </Field>
      <Field label="Team URL" description="Changing it breaks links to the old address." error={form.formState.errors.slug?.message}>
        <Input {...form.register("slug")} />
      </Field>
      <FormError message={formError} />
      <div>
        <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
          Save
        </Button>
      </div>
    </form>
  );
}
