"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { parse as parseShell, quote as quoteShell } from "shell-quote";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { RowsEditor, rowError } from "@/components/run-settings/rows-editor";
import type { RunSettings } from "@/server/apps/run-settings";

type Secret = { name: string; value: string; stored: boolean };
type Domain = RunSettings["domains"][number];
type Volume = RunSettings["volumes"][number];

function argv(text: string): string[] | null {
  if (!text.trim()) return null;
  return parseShell(text).map((part) => (typeof part === "string" ? part : "op" in part ? part.op : String(part)));
}

/**
 * How the app runs: port, command, health check, size, environment, secrets, domains and
 * volumes. "Save and deploy" releases the change at once with the image that runs now.
 */
export function RunSettingsForm(props: {
  teamSlug: string;
  appId: string;
  settings: RunSettings;
  secrets: { name: string; value: string | null }[];
  canReadSecrets: boolean;
  hasRelease: boolean;
  readOnly: boolean;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const [settings, setSettings] = useState<RunSettings>(props.settings);
  const [command, setCommand] = useState(props.settings.command ? quoteShell(props.settings.command) : "");
  const [args, setArgs] = useState(props.settings.args ? quoteShell(props.settings.args) : "");
  const [secrets, setSecrets] = useState<Secret[]>(props.secrets.map((secret) => ({ name: secret.name, value: secret.value ?? "", stored: true })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof RunSettings>(key: K, value: RunSettings[K]) => setSettings((current) => ({ ...current, [key]: value }));

  const save = useMutation(
    trpc.runSettings.update.mutationOptions({
      onMutate: () => { setErrors({}); setFormError(null); },
      onError: (error) => {
        const fields: Record<string, string> = {};
        for (const [key, message] of Object.entries(error.data?.fieldErrors ?? {})) fields[key.replace(/^settings\./, "").replace(/^secretValues\./, "secretValues.")] = message;
        setErrors(fields);
        setFormError(error.message);
      },
      onSuccess: (result) => {
        toast.success(result.release ? `Saved; v${result.release.version} is rolling out.` : "Settings saved; the next deploy uses them.");
        router.refresh();
      },
    }),
  );

  const submit = (deploy: boolean) => {
    // Stored secrets left empty keep their value on the server; only typed values are sent.
    const newValues = secrets.filter((secret) => secret.value !== "");
    save.mutate({
      teamSlug: props.teamSlug,
      appId: props.appId,
      deploy,
      settings: { ...settings, command: argv(command), args: argv(args), secrets: secrets.map((secret) => secret.name) },
      secretValues: newValues.map((secret) => ({ name: secret.name, value: secret.value })),
    });
  };

  const health = settings.healthCheck?.type ?? "none";
  return (
    <form className="grid max-w-3xl gap-6" noValidate onSubmit={(event) => { event.preventDefault(); submit(false); }}>
      <fieldset disabled={props.readOnly || save.isPending} className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Port" description="The port your app listens on." error={errors.port}>
            <Input type="number" min={1} max={65535} value={settings.port} onChange={(event) => set("port", Number(event.target.value))} />
          </Field>
          <p className="self-end pb-1 text-sm text-muted-foreground sm:col-span-2">
            Size, replicas and autoscaling are on the <a className="font-medium text-foreground underline-offset-4 hover:underline" href="scaling">Scaling</a> page: they apply at once, without a new release.
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Command" description="Replaces the image's entrypoint. Empty: the image's own." error={errors.command}>
            <Input value={command} onChange={(event) => setCommand(event.target.value)} placeholder="node server.js" className="font-mono" spellCheck={false} />
          </Field>
          <Field label="Arguments" description="Replaces the image's CMD. Empty: the image's own." error={errors.args}>
            <Input value={args} onChange={(event) => setArgs(event.target.value)} className="font-mono" spellCheck={false} />
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Health check" description="Used for readiness and liveness.">
            {(control) => (
              <Select value={health} onValueChange={(type) => set("healthCheck", type === "none" ? null : type === "tcp" ? { type: "tcp" } : { type: "http", path: "/" })}>
                <SelectTrigger {...control}><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value="none">None</SelectItem>
                  <SelectItem value="http">HTTP path</SelectItem>
                  <SelectItem value="tcp">TCP port open</SelectItem>
                </SelectContent>
              </Select>
            )}
          </Field>
          {settings.healthCheck?.type === "http" && (
            <Field label="Path" error={errors["healthCheck.path"]}>
              <Input value={settings.healthCheck.path} onChange={(event) => set("healthCheck", { type: "http", path: event.target.value })} placeholder="/healthz" className="font-mono" />
            </Field>
          )}
        </div>

        <section className="grid gap-2">
          <h3 className="text-sm font-medium">Environment variables</h3>
          <RowsEditor
            label="Environment variables"
            rows={settings.env}
            onChange={(rows) => set("env", rows)}
            newRow={() => ({ name: "", value: "" })}
            addLabel="Add variable"
            empty="No variables. PORT is always set to the app's port."
            render={(row, update, index) => (
              <>
                <Field label="Name" className="[&_label]:sr-only" error={rowError(errors, "env", index, "name")}>
                  <Input value={row.name} onChange={(event) => update({ ...row, name: event.target.value })} placeholder="DATABASE_URL" className="font-mono" aria-label={`Variable ${index + 1} name`} />
                </Field>
                <Field label="Value" className="[&_label]:sr-only" error={rowError(errors, "env", index, "value")}>
                  <Input value={row.value} onChange={(event) => update({ ...row, value: event.target.value })} className="font-mono" aria-label={`Variable ${index + 1} value`} />
                </Field>
              </>
            )}
          />
        </section>

        <section className="grid gap-2">
          <h3 className="text-sm font-medium">Secrets</h3>
          <p className="text-xs text-muted-foreground">Encrypted at rest and given to the app as a Kubernetes Secret. {props.canReadSecrets ? "Admins and owners can see the values." : "Only admins and owners can see the values; you can replace them."}</p>
          <RowsEditor
            label="Secrets"
            rows={secrets}
            onChange={setSecrets}
            newRow={() => ({ name: "", value: "", stored: false })}
            addLabel="Add secret"
            empty="No secrets."
            render={(row, update, index) => (
              <>
                <Field label="Name" className="[&_label]:sr-only" error={rowError(errors, "secrets", index)}>
                  <Input value={row.name} onChange={(event) => update({ ...row, name: event.target.value })} placeholder="API_KEY" className="font-mono" aria-label={`Secret ${index + 1} name`} readOnly={row.stored} />
                </Field>
                <Field label="Value" className="[&_label]:sr-only" error={errors[`secrets.${row.name}`]}>
                  <Input type="password" value={row.value} onChange={(event) => update({ ...row, value: event.target.value })} placeholder={row.stored ? "•••••••• (stored; type to replace)" : "value"} autoComplete="new-password" aria-label={`Secret ${index + 1} value`} />
                </Field>
              </>
            )}
          />
        </section>

        <section className="grid gap-2">
          <h3 className="text-sm font-medium">Domains</h3>
          <RowsEditor<Domain>
            label="Domains"
            rows={settings.domains}
            onChange={(rows) => set("domains", rows)}
            newRow={() => ({ host: "", tls: null })}
            addLabel="Add domain"
            empty="No domains: the app is reachable inside the cluster only (an Ingress is made once you add one)."
            render={(row, update, index) => (
              <>
                <Field label="Host" className="[&_label]:sr-only" error={rowError(errors, "domains", index, "host")}>
                  <Input value={row.host} onChange={(event) => update({ ...row, host: event.target.value })} placeholder="app.example.com" aria-label={`Domain ${index + 1}`} />
                </Field>
                <Field label="TLS issuer" className="[&_label]:sr-only" error={rowError(errors, "domains", index, "tls")}>
                  <Input
                    value={row.tls && "clusterIssuer" in row.tls ? row.tls.clusterIssuer : ""}
                    onChange={(event) => update({ ...row, tls: event.target.value ? { clusterIssuer: event.target.value } : null })}
                    placeholder="cert-manager issuer (optional)"
                    aria-label={`Domain ${index + 1} cert-manager issuer`}
                  />
                </Field>
              </>
            )}
          />
        </section>

        <section className="grid gap-2">
          <h3 className="text-sm font-medium">Volumes</h3>
          <RowsEditor<Volume>
            label="Volumes"
            rows={settings.volumes}
            onChange={(rows) => set("volumes", rows)}
            newRow={() => ({ name: "data", mountPath: "/data", size: "1Gi" })}
            addLabel="Add volume"
            empty="No persistent volumes: files written by the app are lost when a pod restarts."
            render={(row, update, index) => (
              <>
                <Input value={row.name} onChange={(event) => update({ ...row, name: event.target.value })} aria-label={`Volume ${index + 1} name`} aria-invalid={Boolean(rowError(errors, "volumes", index, "name"))} />
                <Input value={row.mountPath} onChange={(event) => update({ ...row, mountPath: event.target.value })} className="font-mono" aria-label={`Volume ${index + 1} mount path`} />
                <Input value={row.size} onChange={(event) => update({ ...row, size: event.target.value })} aria-label={`Volume ${index + 1} size`} />
              </>
            )}
          />
          {Object.entries(errors).filter(([key]) => key.startsWith("volumes")).map(([key, message]) => <p key={key} className="text-[13px] text-destructive">{message}</p>)}
        </section>

        <div className="flex items-center gap-2">
          <input id="auto-rollback" type="checkbox" checked={settings.autoRollback} onChange={(event) => set("autoRollback", event.target.checked)} className="size-4 accent-[var(--primary)]" />
          <Label htmlFor="auto-rollback">Roll back automatically when a rollout fails</Label>
        </div>
      </fieldset>
      <FormError message={formError} />
      {!props.readOnly && (
        <div className="flex flex-wrap gap-2">
          {props.hasRelease && <Button type="button" onClick={() => submit(true)} loading={save.isPending && save.variables?.deploy}>Save and deploy</Button>}
          <Button type="submit" variant={props.hasRelease ? "outline" : "default"} loading={save.isPending && !save.variables?.deploy}>Save</Button>
        </div>
      )}
    </form>
  );
}
