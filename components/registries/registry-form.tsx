"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";

interface RegistryView {
  own: { url: string; username: string | null; hasPassword: boolean } | null;
  serverDefault: string | null;
}

/** The OCI registry this team's images are pushed to; checked against its /v2/ API before saving. */
export function RegistryForm({ teamSlug, registry }: { teamSlug: string; registry: RegistryView }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [url, setUrl] = useState(registry.own?.url ?? "");
  const [username, setUsername] = useState(registry.own?.username ?? "");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation(
    trpc.registry.save.mutationOptions({
      onMutate: () => { setErrors({}); setFormError(null); },
      onError: (error) => {
        const fields = error.data?.fieldErrors ?? {};
        setErrors(fields);
        setFormError(Object.keys(fields).length === 0 ? error.message : null);
      },
      onSuccess: () => { setPassword(""); toast.success("Registry saved: new builds push there."); router.refresh(); },
    }),
  );
  const remove = useMutation(
    trpc.registry.remove.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSuccess: () => { setUrl(""); setUsername(""); toast.success("Registry removed."); router.refresh(); },
    }),
  );

  return (
    <form
      className="grid max-w-xl gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ teamSlug, url, username: username || undefined, password: password || undefined });
      }}
    >
      <p className="text-sm text-muted-foreground">
        {registry.own
          ? `Builds push to ${registry.own.url}.`
          : registry.serverDefault
            ? `Without a registry of its own, this team's builds push to the server's default registry (${registry.serverDefault}).`
            : "No registry is set up: builds cannot push until you add one."}
      </p>
      <Field label="Registry" description="host[:port][/path], for example ghcr.io/acme or registry.example.com:5000." error={errors.url}>
        <Input value={url} onChange={(event) => setUrl(event.target.value)} placeholder="ghcr.io/acme" spellCheck={false} autoComplete="off" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Username" error={errors.username}>
          <Input value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="off" />
        </Field>
        <Field label="Password or token" description={registry.own?.hasPassword ? "Stored. Leave empty to keep it." : undefined} error={errors.password}>
          <Input type="password" value={password} onChange={(event) => setPassword(event.target.value)} placeholder={registry.own?.hasPassword ? "••••••••" : ""} autoComplete="new-password" />
        </Field>
      </div>
      <FormError message={formError} />
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending}>Save registry</Button>
        {registry.own && (
          <Button type="button" variant="ghost" className="text-destructive" loading={remove.isPending} onClick={() => remove.mutate({ teamSlug })}>
            Remove
          </Button>
        )}
      </div>
    </form>
  );
}
