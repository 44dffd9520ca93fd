"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { displayNameSchema, emailSchema, PASSWORD_MIN, passwordSchema } from "@/server/names";

const schema = z.object({ name: displayNameSchema, email: emailSchema, password: passwordSchema });
type Values = z.input<typeof schema>;
const FIELDS = ["name", "email", "password"] as const;

export function SignUpForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: "", email: email ?? "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await signUp.mutateAsync(values);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
      return;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (result?.error) {
      setFormError("Your account was created, but signing in failed. Try signing in.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

  const errors = form.formState.errors;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Create your account</CardTitle>
        <CardDescription>Deploy from git to your own cluster in minutes.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <Field label="Name" error={errors.name?.message}>
            <Input autoComplete="name" autoFocus {...form.register("name")} />
          </Field>
          <Field label="E-mail" error={errors.email?.message}>
            <Input type="email" autoComplete="email" {...form.register("email")} />
          </Field>
          <Field label="Password" description={`At least ${PASSWORD_MIN} characters.`} error={errors.password?.message}>
            <Input type="password" autoComplete="new-password" {...form.register("password")} />
          </Field>
          <FormError message={formError} />
          <Button type="submit" loading={form.formState.isSubmitting}>
            Create account
          </Button>
        </form>
        <p className="text-center text-sm text-muted-foreground">
          Already have an account?{" "}
          <Link className="font-medium text-foreground underline-offset-4 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
            Sign in
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
