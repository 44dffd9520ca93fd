import { z } from "zod";
import { deployBuild } from "@/server/releases/deploy-build";
import { detectAppDrift } from "@/server/releases/detect-app-drift";
import { getAppOverview } from "@/server/releases/get-app-overview";
import { listReleases } from "@/server/releases/list-releases";
import { previewRelease } from "@/server/releases/preview-release";
import { reconcileApp } from "@/server/releases/reconcile-app";
import { rollbackToRelease } from "@/server/releases/rollback-to-release";
import { setAutoDeploy } from "@/server/releases/set-auto-deploy";
import { readAppLiveState } from "@/server/releases/stream-app-events";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const id = z.string().min(1).max(64);
const version = z.number().int().min(1).max(1_000_000);

export const releaseRouter = createTRPCRouter({
  list: teamProcedure("VIEWER")
    .input(z.object({ appId: id }))
    .query(({ ctx, input }) => listReleases({ teamId: ctx.team.id, appId: input.appId })),

  overview: teamProcedure("VIEWER")
    .input(z.object({ appId: id }))
    .query(({ ctx, input }) => getAppOverview({ teamId: ctx.team.id, appId: input.appId })),

  liveState: teamProcedure("VIEWER")
    .input(z.object({ appId: id }))
    .query(({ ctx, input }) => readAppLiveState({ teamId: ctx.team.id, appId: input.appId })),

  drift: teamProcedure("VIEWER")
    .input(z.object({ appId: id }))
    .query(({ ctx, input }) => detectAppDrift({ teamId: ctx.team.id, appId: input.appId })),

  preview: teamProcedure("DEVELOPER")
    .input(z.object({ appId: id, target: z.discriminatedUnion("kind", [z.object({ kind: z.literal("build"), buildId: id.optional() }), z.object({ kind: z.literal("rollback"), version })]) }))
    .query(({ ctx, input }) => previewRelease({ teamId: ctx.team.id, appId: input.appId, target: input.target })),

  deploy: teamProcedure("DEVELOPER")
    .input(z.object({ appId: id, buildId: id.optional() }))
    .mutation(({ ctx, input }) => deployBuild({ teamId: ctx.team.id, appId: input.appId, buildId: input.buildId, actor: ctx.actor })),

  rollback: teamProcedure("DEVELOPER")
    .input(z.object({ appId: id, version }))
    .mutation(({ ctx, input }) => rollbackToRelease({ teamId: ctx.team.id, appId: input.appId, version: input.version, actor: ctx.actor })),

  reconcile: teamProcedure("DEVELOPER")
    .input(z.object({ appId: id }))
    .mutation(({ ctx, input }) => reconcileApp({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor })),

  setAutoDeploy: teamProcedure("DEVELOPER")
    .input(z.object({ appId: id, enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setAutoDeploy({ teamId: ctx.team.id, appId: input.appId, enabled: input.enabled, actor: ctx.actor })),
});
