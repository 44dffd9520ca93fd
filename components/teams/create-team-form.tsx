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
import { displayNameSchema, suggestSlug, teamSlugSchema } from "@/server/names";

const schema = z.object({ name: displayNameSchema, slug: teamSlugSchema });
type Values = z.input<typeof schema>;

export function CreateTeamForm() {
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.team.create.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: "", slug: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const team = await create.mutateAsync(values);
      router.push(`/${team.slug}`);
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ["name", "slug"]));
    }
  });

  const nameField = form.register("name", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited) form.setValue("slug", suggestSlug(event.target.value));
    },
  });
  const slugField = form.register("slug", { onChange: () => setSlugEdited(true) });
  const errors = form.formState.errors;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <Field label="Team name" error={errors.name?.message}>
        <Input autoFocus placeholder="Acme Platform" {...nameField} />
      </Field>
      <Field label="Team URL" description="Lowercase letters, digits and hyphens. Appears in your console's addresses." error={errors.slug?.message}>
        {(control) => (
          <div className="flex items-center rounded-md border bg-muted/40 focus-within:ring-2 focus-within:ring-ring">
            <span aria-hidden className="pl-3 text-sm text-muted-foreground select-none">slipway/</span>
            <Input {...control} className="border-0 bg-transparent pl-0.5 shadow-none focus-visible:ring-0" placeholder="acme-platform" {...slugField} />
          </div>
        )}
      </Field>
      <FormError message={formError} />
      <Button type="submit" loading={form.formState.isSubmitting}>
        Create team
      </Button>
    </form>
  );
}
