"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your e-mail address."),
  password: z.string().min(1, "Enter your password."),
});
type Values = z.infer<typeof schema>;

export function SignInForm(props: { providers: { id: string; name: string }[]; callbackUrl: string; error?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(props.error ?? null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong e-mail or password.");
      return;
    }
    router.push(props.callbackUrl);
    router.refresh();
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in</CardTitle>
        <CardDescription>Welcome back. Sign in to your Slipway account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <Field label="E-mail" error={form.formState.errors.email?.message}>
            <Input type="email" autoComplete="email" autoFocus {...form.register("email")} />
          </Field>
          <Field label="Password" error={form.formState.errors.password?.message}>
            <Input type="password" autoComplete="current-password" {...form.register("password")} />
          </Field>
          <FormError message={formError} />
          <Button type="submit" loading={form.formState.isSubmitting}>
            Sign in
          </Button>
        </form>
        {props.providers.length > 0 && (
          <>
            <div className="flex items-center gap-3 text-xs text-muted-foreground">
              <Separator className="flex-1" /> or <Separator className="flex-1" />
            </div>
            {props.providers.map((provider) => (
              <Button key={provider.id} variant="outline" onClick={() => signIn(provider.id, { callbackUrl: props.callbackUrl })}>
                Continue with {provider.name}
              </Button>
            ))}
          </>
        )}
        <p className="text-center text-sm text-muted-foreground">
          New to Slipway?{" "}
          <Link className="font-medium text-foreground underline-offset-4 hover:underline" href={`/sign-up?callbackUrl=${encodeURIComponent(props.callbackUrl)}`}>
            Create an account
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
