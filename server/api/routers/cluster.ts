import { z } from "zod";
import { addCluster } from "@/server/clusters/add-cluster";
import { checkCluster } from "@/server/clusters/check-cluster";
import { listClusters } from "@/server/clusters/list-clusters";
import { removeCluster } from "@/server/clusters/remove-cluster";
import { setEnvironmentCluster } from "@/server/clusters/set-environment-cluster";
import { displayNameSchema } from "@/server/names";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const id = z.string().min(1).max(64);

export const clusterRouter = createTRPCRouter({
  list: teamProcedure("VIEWER").query(({ ctx }) => listClusters(ctx.team.id)),

  add: teamProcedure("ADMIN")
    .input(z.object({ name: displayNameSchema, kubeconfig: z.string().min(1, "Paste a kubeconfig.").max(256 * 1024, "A kubeconfig has at most 256 KB.") }))
    .mutation(({ ctx, input }) => addCluster({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  check: teamProcedure("ADMIN")
    .input(z.object({ clusterId: id.optional() }))
    .mutation(({ ctx, input }) => checkCluster({ teamId: ctx.team.id, clusterId: input.clusterId })),

  remove: teamProcedure("ADMIN")
    .input(z.object({ clusterId: id }))
    .mutation(({ ctx, input }) => removeCluster({ actor: ctx.actor, teamId: ctx.team.id, clusterId: input.clusterId })),

  setEnvironmentCluster: teamProcedure("ADMIN")
    .input(z.object({ environmentId: id, clusterId: id.nullable() }))
    .mutation(({ ctx, input }) => setEnvironmentCluster({ actor: ctx.actor, teamId: ctx.team.id, ...input })),
});
