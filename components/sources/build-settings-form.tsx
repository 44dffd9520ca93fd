"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";

const PRESETS = [
  { value: "auto", label: "Automatic", description: "The Dockerfile if there is one, else detected" },
  { value: "node", label: "Node.js", description: "package.json and a lockfile" },
  { value: "python", label: "Python", description: "requirements.txt or pyproject.toml" },
  { value: "go", label: "Go", description: "go.mod" },
  { value: "static", label: "Static site", description: "index.html, served as files" },
] as const;

interface Settings {
  rootDirectory?: string | null;
  dockerfilePath?: string | null;
  preset?: string | null;
  testCommand?: string | null;
  buildArgs?: Record<string, string> | null;
}

function parseBuildArgs(text: string): { args: Record<string, string>; error?: string } {
  const args: Record<string, string> = {};
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const equals = line.indexOf("=");
    if (equals <= 0) return { args, error: `Line ${index + 1}: write NAME=value.` };
    args[line.slice(0, equals).trim()] = line.slice(equals + 1);
  }
  return { args };
}

/** How the image is built; slipway.yaml in the repository, when present, takes precedence. */
export function BuildSettingsForm({ teamSlug, appId, settings, readOnly }: { teamSlug: string; appId: string; settings: Settings | null; readOnly: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [rootDirectory, setRootDirectory] = useState(settings?.rootDirectory ?? "");
  const [dockerfilePath, setDockerfilePath] = useState(settings?.dockerfilePath ?? "");
  const [preset, setPreset] = useState(settings?.preset ?? "auto");
  const [testCommand, setTestCommand] = useState(settings?.testCommand ?? "");
  const [buildArgs, setBuildArgs] = useState(Object.entries(settings?.buildArgs ?? {}).map(([key, value]) => `${key}=${value}`).join("\n"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation(
    trpc.source.updateBuildSettings.mutationOptions({
      onError: (error) => {
        const mapped: Record<string, string> = {};
        for (const [key, message] of Object.entries(error.data?.fieldErrors ?? {})) mapped[key.replace(/^settings\./, "").split(".")[0]!] = message;
        setErrors(mapped);
        setFormError(Object.keys(mapped).length === 0 ? error.message : null);
      },
      onSuccess: () => { setErrors({}); setFormError(null); toast.success("Build settings saved; they apply to the next build."); router.refresh(); },
    }),
  );

  return (
    <form
      className="grid max-w-2xl gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseBuildArgs(buildArgs);
        if (parsed.error) { setErrors({ buildArgs: parsed.error }); return; }
        save.mutate({
          teamSlug, appId,
          settings: { rootDirectory: rootDirectory || null, dockerfilePath: dockerfilePath || null, preset: preset as (typeof PRESETS)[number]["value"], testCommand: testCommand || null, buildArgs: parsed.args },
        });
      }}
    >
      <fieldset disabled={readOnly} className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Root directory" description="The app's folder in a monorepo. Empty: the repository root." error={errors.rootDirectory}>
            <Input value={rootDirectory} onChange={(event) => setRootDirectory(event.target.value)} placeholder="services/web" spellCheck={false} />
          </Field>
          <Field label="Dockerfile" description="Relative to the root directory. Empty: Dockerfile if present." error={errors.dockerfilePath}>
            <Input value={dockerfilePath} onChange={(event) => setDockerfilePath(event.target.value)} placeholder="Dockerfile" spellCheck={false} />
          </Field>
        </div>
        <Field label="Build with" error={errors.preset}>
          {(control) => (
            <Select value={preset} onValueChange={setPreset}>
              <SelectTrigger {...control} className="w-72"><SelectValue /></SelectTrigger>
              <SelectContent>
                {PRESETS.map((choice) => (
                  <SelectItem key={choice.value} value={choice.value} description={choice.description}>{choice.label}</SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </Field>
        <Field label="Test command" description="Runs in the built image before it is pushed; the build fails if it fails. Empty: no tests." error={errors.testCommand}>
          <Input value={testCommand} onChange={(event) => setTestCommand(event.target.value)} placeholder="npm test" spellCheck={false} className="font-mono" />
        </Field>
        <Field label="Build arguments" description="One NAME=value per line, passed as --build-arg." error={errors.buildArgs}>
          <Textarea value={buildArgs} onChange={(event) => setBuildArgs(event.target.value)} rows={3} spellCheck={false} className="font-mono" placeholder="NODE_ENV=production" />
        </Field>
      </fieldset>
      <FormError message={formError} />
      {!readOnly && <div><Button type="submit" loading={save.isPending}>Save build settings</Button></div>}
    </form>
  );
}
