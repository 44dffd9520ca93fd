import { z } from "zod";
import { createRunSettingsSchema } from "@/server/apps/run-settings";
import { getScaling } from "@/server/scaling/get-scaling";
import { getScalingHistory } from "@/server/scaling/get-scaling-history";
import { restartApp } from "@/server/scaling/restart-app";
import { pauseApp, resumeApp, setAutoscaling, setReplicas, setResources } from "@/server/scaling/scale-app";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const appId = z.string().min(1).max(64);
// Only the shape is checked here; the domain validates the whole settings (the server's replica
// cap, min ≤ max, one replica with a volume), so the sentences are the settings page's own.
const settingsShape = () => createRunSettingsSchema().shape;
const count = z.number({ error: "Enter a whole number." }).int("Enter a whole number.");
const autoscalingInput = z.object({
  enabled: z.boolean(),
  min: count,
  max: count,
  cpuPercent: count.optional(),
  memoryPercent: count.optional(),
});

export const scalingRouter = createTRPCRouter({
  get: teamProcedure("VIEWER")
    .input(z.object({ appId }))
    .query(({ ctx, input }) => getScaling({ teamId: ctx.team.id, appId: input.appId })),

  history: teamProcedure("VIEWER")
    .input(z.object({ appId, hours: z.number().int().min(1, "Show at least the last hour.").max(48, "History is kept for 48 hours.").default(6) }))
    .query(({ ctx, input }) => getScalingHistory({ teamId: ctx.team.id, appId: input.appId, hours: input.hours })),

  setReplicas: teamProcedure("DEVELOPER")
    .input(z.object({ appId, replicas: count }))
    .mutation(({ ctx, input }) => setReplicas({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor, replicas: input.replicas })),

  pause: teamProcedure("DEVELOPER")
    .input(z.object({ appId }))
    .mutation(({ ctx, input }) => pauseApp({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor })),

  resume: teamProcedure("DEVELOPER")
    .input(z.object({ appId }))
    .mutation(({ ctx, input }) => resumeApp({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor })),

  setAutoscaling: teamProcedure("DEVELOPER")
    .input(z.object({ appId, autoscaling: autoscalingInput }))
    .mutation(({ ctx, input }) => setAutoscaling({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor, autoscaling: input.autoscaling })),

  setResources: teamProcedure("DEVELOPER")
    .input(z.object({ appId, resources: z.lazy(() => settingsShape().resources.unwrap()) }))
    .mutation(({ ctx, input }) => setResources({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor, resources: input.resources })),

  restart: teamProcedure("DEVELOPER")
    .input(z.object({ appId }))
    .mutation(({ ctx, input }) => restartApp({ teamId: ctx.team.id, appId: input.appId, actor: ctx.actor })),
});
