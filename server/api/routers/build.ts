import { z } from "zod";
import { cancelBuild } from "@/server/builds/cancel-build";
import { getBuild } from "@/server/builds/get-build";
import { listBuilds } from "@/server/builds/list-builds";
import { startBuild } from "@/server/builds/start-build";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const id = z.string().min(1).max(64);

export const buildRouter = createTRPCRouter({
  list: teamProcedure("VIEWER")
    .input(z.object({ appId: id }))
    .query(({ ctx, input }) => listBuilds({ teamId: ctx.team.id, appId: input.appId })),

  get: teamProcedure("VIEWER")
    .input(z.object({ buildId: id }))
    .query(({ ctx, input }) => getBuild({ teamId: ctx.team.id, buildId: input.buildId })),

  start: teamProcedure("DEVELOPER")
    .input(z.object({ appId: id }))
    .mutation(({ ctx, input }) => startBuild({ teamId: ctx.team.id, appId: input.appId, trigger: "manual", actor: ctx.actor })),

  cancel: teamProcedure("DEVELOPER")
    .input(z.object({ buildId: id }))
    .mutation(({ ctx, input }) => cancelBuild({ actor: ctx.actor, teamId: ctx.team.id, buildId: input.buildId })),
});
