"use client";

import { useMutation } from "@tanstack/react-query";
import { KeyRound, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { cn } from "@/components/ui/cn";

type AuthKind = "NONE" | "TOKEN" | "SSH_KEY";

interface SourceView {
  url: string | null;
  branch: string | null;
  authKind: AuthKind;
  tokenUsername: string | null;
  hasToken: boolean;
  deployKey: { publicKey: string; fingerprint: string | null } | null;
}

const AUTH_CHOICES: { value: AuthKind; label: string; hint: string }[] = [
  { value: "NONE", label: "Public", hint: "Anyone can clone it." },
  { value: "TOKEN", label: "Access token", hint: "https:// URL with a personal or project access token." },
  { value: "SSH_KEY", label: "Deploy key", hint: "SSH URL with a key Slipway generates for this app." },
];

interface ServerError {
  message: string;
  data?: { fieldErrors?: Record<string, string> | null } | null;
}

/**
 * Connect a repository: URL, credentials, then "Check" asks the git host for its branches, so
 * the branch is picked from what exists rather than typed.
 */
export function SourceForm({ teamSlug, appId, source }: { teamSlug: string; appId: string; source: SourceView }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [url, setUrl] = useState(source.url ?? "");
  const [authKind, setAuthKind] = useState<AuthKind>(source.authKind);
  const [token, setToken] = useState("");
  const [tokenUsername, setTokenUsername] = useState(source.tokenUsername ?? "");
  const [branch, setBranch] = useState(source.branch ?? "");
  const [branches, setBranches] = useState<string[] | null>(null);
  const [deployKey, setDeployKey] = useState(source.deployKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const repository = { url, authKind, token: token || undefined, tokenUsername: tokenUsername || undefined };
  const showError = (error: ServerError) => {
    const fields = error.data?.fieldErrors ?? {};
    const mapped: Record<string, string> = {};
    for (const [key, message] of Object.entries(fields)) mapped[key.replace(/^repository\./, "")] = message;
    setErrors(mapped);
    setFormError(Object.keys(mapped).length === 0 ? error.message : null);
  };
  const clear = () => { setErrors({}); setFormError(null); };

  const check = useMutation(
    trpc.source.check.mutationOptions({
      onMutate: clear,
      onError: showError,
      onSuccess: (result) => {
        setBranches(result.branches);
        if (!result.branches.includes(branch)) setBranch(result.defaultBranch ?? result.branches[0] ?? "");
        toast.success(`Repository found: ${result.branches.length} branch${result.branches.length === 1 ? "" : "es"}.`);
      },
    }),
  );
  const save = useMutation(
    trpc.source.save.mutationOptions({
      onMutate: clear,
      onError: showError,
      onSuccess: () => { toast.success("Repository connected."); setToken(""); router.refresh(); },
    }),
  );
  const generateKey = useMutation(
    trpc.source.generateDeployKey.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSuccess: (key) => { setDeployKey(key); toast.success("Deploy key generated: add it to the repository, read-only."); },
    }),
  );

  return (
    <form
      className="grid max-w-2xl gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ teamSlug, appId, repository, branch });
      }}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Access</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {AUTH_CHOICES.map((choice) => (
            <label
              key={choice.value}
              className={cn(
                "flex cursor-pointer gap-2 rounded-md border p-3 text-sm focus-within:ring-2 focus-within:ring-ring",
                authKind === choice.value && "border-primary bg-primary/5",
              )}
            >
              <input type="radio" name="authKind" value={choice.value} checked={authKind === choice.value} onChange={() => setAuthKind(choice.value)} className="mt-0.5 accent-[var(--primary)]" />
              <span className="grid">
                <span className="font-medium">{choice.label}</span>
                <span className="text-xs text-muted-foreground">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.authKind && <p className="text-[13px] text-destructive">{errors.authKind}</p>}
      </fieldset>

      <Field label="Repository URL" error={errors.url} description={authKind === "SSH_KEY" ? "For example git@github.com:acme/shop.git" : "For example https://github.com/acme/shop.git"}>
        <Input value={url} onChange={(event) => setUrl(event.target.value)} placeholder={authKind === "SSH_KEY" ? "git@github.com:acme/shop.git" : "https://github.com/acme/shop.git"} autoComplete="off" spellCheck={false} />
      </Field>

      {authKind === "TOKEN" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Username" description="Optional. GitHub ignores it; GitLab wants oauth2 or your name.">
            <Input value={tokenUsername} onChange={(event) => setTokenUsername(event.target.value)} autoComplete="off" />
          </Field>
          <Field label="Access token" error={errors.token} description={source.hasToken ? "A token is stored. Leave empty to keep it." : "Read access to the repository is enough."}>
            <Input type="password" value={token} onChange={(event) => setToken(event.target.value)} placeholder={source.hasToken ? "••••••••••••" : ""} autoComplete="new-password" />
          </Field>
        </div>
      )}

      {authKind === "SSH_KEY" && (
        <div className="grid gap-2 rounded-md border bg-muted/30 p-3 text-sm">
          {deployKey ? (
            <>
              <p>Add this public key to the repository as a <strong>read-only deploy key</strong>:</p>
              <div className="flex items-center gap-2">
                <code data-testid="deploy-key" className="min-w-0 flex-1 truncate rounded bg-background px-2 py-1 font-mono text-xs">{deployKey.publicKey}</code>
                <CopyButton value={deployKey.publicKey} label="Copy public key" />
              </div>
              <p className="text-xs text-muted-foreground">Fingerprint {deployKey.fingerprint}</p>
            </>
          ) : (
            <p>Slipway generates a key pair for this app; only the public half is ever shown.</p>
          )}
          <div>
            <Button type="button" variant="outline" size="sm" loading={generateKey.isPending} onClick={() => generateKey.mutate({ teamSlug, appId })}>
              <KeyRound aria-hidden /> {deployKey ? "Replace the key" : "Generate deploy key"}
            </Button>
          </div>
        </div>
      )}

      <div className="flex flex-wrap items-end gap-3">
        <Field label="Branch" error={errors.branch} className="min-w-56 flex-1">
          {(control) =>
            branches && branches.length > 0 ? (
              <Select value={branch} onValueChange={setBranch}>
                <SelectTrigger {...control}>
                  <SelectValue placeholder="Choose a branch" />
                </SelectTrigger>
                <SelectContent>
                  {branches.map((name) => (
                    <SelectItem key={name} value={name}>{name}</SelectItem>
                  ))}
                </SelectContent>
              </Select>
            ) : (
              <Input {...control} value={branch} onChange={(event) => setBranch(event.target.value)} placeholder="main" autoComplete="off" />
            )
          }
        </Field>
        <Button type="button" variant="outline" loading={check.isPending} onClick={() => check.mutate({ teamSlug, appId, repository })}>
          <RefreshCw aria-hidden /> Check repository
        </Button>
      </div>

      <FormError message={formError} />
      <div>
        <Button type="submit" loading={save.isPending}>Save repository</Button>
      </div>
    </form>
  );
}
