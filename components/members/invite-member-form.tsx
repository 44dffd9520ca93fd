"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RoleSelect } from "@/components/members/role-select";
import { emailSchema, } from "@/server/names";
import { ROLES, type Role } from "@/server/roles";

const schema = z.object({ email: emailSchema, role: z.enum(ROLES) });
type Values = z.input<typeof schema>;

export function InviteMemberForm({ teamSlug, actorRole }: { teamSlug: string; actorRole: Role }) {
  const router = useRouter();
  const trpc = useTRPC();
  const invite = useMutation(trpc.invitation.create.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; url: string; mailed: boolean } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: "", role: "DEVELOPER" } });
  const grantable = actorRole === "OWNER" ? ROLES : ROLES.filter((role) => role !== "OWNER");

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const invitation = await invite.mutateAsync({ teamSlug, ...values });
      setCreated(invitation);
      form.reset({ email: "", role: values.role });
      router.refresh();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ["email", "role"]));
    }
  });

  return (
    <div className="grid gap-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <Field label="E-mail" error={form.formState.errors.email?.message} className="min-w-64 flex-1">
          <Input type="email" autoComplete="off" placeholder="teammate@example.com" {...form.register("email")} />
        </Field>
        <Field label="Role">
          {(control) => (
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => <RoleSelect id={control.id} value={field.value} onChange={field.onChange} allowed={grantable} />}
            />
          )}
        </Field>
        <Button type="submit" className="mt-6" loading={form.formState.isSubmitting}>
          Create invitation
        </Button>
      </form>
      <FormError message={formError} />
      {created && (
        <div role="status" className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
          <p>
            Invitation for <strong>{created.email}</strong> created{created.mailed ? " and e-mailed" : ""}. Share this link with them; it works once, for 7 days.
          </p>
          <div className="flex items-center gap-2">
            <code data-testid="invitation-link" className="min-w-0 flex-1 truncate rounded bg-background px-2 py-1 font-mono text-xs">
              {created.url}
            </code>
            <CopyButton value={created.url} label="Copy invitation link" />
          </div>
        </div>
      )}
    </div>
  );
}
