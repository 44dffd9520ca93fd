"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";

const SERVER = "server";

/** Which cluster an environment deploys to; fixed once something is deployed there. */
export function EnvironmentClusterSelect({ teamSlug, environment, clusters }: { teamSlug: string; environment: { id: string; name: string; clusterId: string | null }; clusters: { id: string; name: string }[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const set = useMutation(trpc.cluster.setEnvironmentCluster.mutationOptions({ onError: (error) => toast.error(error.message), onSuccess: () => { toast.success("Cluster set."); router.refresh(); } }));
  return (
    <Select value={environment.clusterId ?? SERVER} disabled={set.isPending} onValueChange={(value) => set.mutate({ teamSlug, environmentId: environment.id, clusterId: value === SERVER ? null : value })}>
      <SelectTrigger size="sm" className="w-44" aria-label={`Cluster of ${environment.name}`}><SelectValue /></SelectTrigger>
      <SelectContent>
        <SelectItem value={SERVER}>Server's cluster</SelectItem>
        {clusters.map((cluster) => <SelectItem key={cluster.id} value={cluster.id}>{cluster.name}</SelectItem>)}
      </SelectContent>
    </Select>
  );
}
