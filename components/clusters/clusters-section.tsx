"use client";

import { useMutation } from "@tanstack/react-query";
import { RefreshCw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";

interface ClusterRow {
  id: string;
  name: string;
  server: string;
  serverVersion: string | null;
  environments: { id: string; name: string; project: { name: string } }[];
}

/** The team's clusters: add one by pasting a kubeconfig (checked before it is stored), check, remove. */
export function ClustersSection({ teamSlug, clusters }: { teamSlug: string; clusters: ClusterRow[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [kubeconfig, setKubeconfig] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation(trpc.cluster.add.mutationOptions({
    onMutate: () => { setErrors({}); setFormError(null); },
    onError: (error) => {
      const fields = error.data?.fieldErrors ?? {};
      setErrors(fields);
      setFormError(Object.keys(fields).length ? null : error.message);
    },
    onSuccess: (cluster) => { toast.success(`Connected to ${cluster.name} (Kubernetes ${cluster.serverVersion}).`); setName(""); setKubeconfig(""); router.refresh(); },
  }));
  const check = useMutation(trpc.cluster.check.mutationOptions({ onError: (error) => toast.error(error.message), onSuccess: (result) => { toast.success(`Reachable: Kubernetes ${result.serverVersion}.`); router.refresh(); } }));
  const remove = useMutation(trpc.cluster.remove.mutationOptions({ onError: (error) => toast.error(error.message), onSuccess: () => { toast.success("Cluster removed."); router.refresh(); } }));

  return (
    <div className="grid gap-6">
      <div className="flex items-center gap-3 text-sm">
        <span className="text-muted-foreground">Environments without a cluster of their own deploy to the server's cluster.</span>
        <Button size="sm" variant="ghost" loading={check.isPending && !check.variables?.clusterId} onClick={() => check.mutate({ teamSlug })}>
          <RefreshCw aria-hidden /> Check the server's cluster
        </Button>
      </div>
      {clusters.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow><TableHead>Cluster</TableHead><TableHead>Version</TableHead><TableHead>Used by</TableHead><TableHead className="text-right"><span className="sr-only">Actions</span></TableHead></TableRow>
          </TableHeader>
          <TableBody>
            {clusters.map((cluster) => (
              <TableRow key={cluster.id}>
                <TableCell><div className="font-medium">{cluster.name}</div><div className="font-mono text-xs text-muted-foreground">{cluster.server}</div></TableCell>
                <TableCell>{cluster.serverVersion ?? "—"}</TableCell>
                <TableCell className="text-sm">{cluster.environments.map((environment) => `${environment.project.name}/${environment.name}`).join(", ") || "—"}</TableCell>
                <TableCell className="text-right">
                  <Button size="icon" variant="ghost" aria-label={`Check ${cluster.name}`} loading={check.isPending && check.variables?.clusterId === cluster.id} onClick={() => check.mutate({ teamSlug, clusterId: cluster.id })}><RefreshCw aria-hidden /></Button>
                  <Button size="icon" variant="ghost" aria-label={`Remove ${cluster.name}`} loading={remove.isPending && remove.variables?.clusterId === cluster.id} onClick={() => remove.mutate({ teamSlug, clusterId: cluster.id })}><Trash2 aria-hidden /></Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form className="grid max-w-xl gap-4" noValidate onSubmit={(event) => { event.preventDefault(); add.mutate({ teamSlug, name, kubeconfig }); }}>
        <Field label="Name" error={errors.name}>
          <Input value={name} onChange={(event) => setName(event.target.value)} placeholder="production-eu" />
        </Field>
        <Field label="Kubeconfig" description="Inline credentials only (certificate or token data). Kubeconfigs that run a command or read files on Slipway's server are refused unless the operator allows them." error={errors.kubeconfig}>
          <Textarea value={kubeconfig} onChange={(event) => setKubeconfig(event.target.value)} rows={6} className="font-mono text-xs" spellCheck={false} placeholder="apiVersion: v1&#10;kind: Config&#10;clusters: …" />
        </Field>
        <FormError message={formError} />
        <div><Button type="submit" loading={add.isPending}>Connect cluster</Button></div>
      </form>
    </div>
  );
}
