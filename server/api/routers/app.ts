import { z } from "zod";
import { createApp } from "@/server/apps/create-app";
import { deleteApp } from "@/server/apps/delete-app";
import { getApp } from "@/server/apps/get-app";
import { appNameSchema } from "@/server/names";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const id = z.string().min(1).max(64);

export const appsRouter = createTRPCRouter({
  get: teamProcedure("VIEWER")
    .input(z.object({ appId: id }))
    .query(({ ctx, input }) => getApp({ teamId: ctx.team.id, appId: input.appId })),

  create: teamProcedure("DEVELOPER")
    .input(z.object({ environmentId: id, name: appNameSchema }))
    .mutation(({ ctx, input }) => createApp({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  delete: teamProcedure("ADMIN")
    .input(z.object({ appId: id, confirmation: z.string().max(64) }))
    .mutation(({ ctx, input }) => deleteApp({ actor: ctx.actor, teamId: ctx.team.id, ...input })),
});
