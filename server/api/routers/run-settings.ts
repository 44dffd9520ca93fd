import { z } from "zod";
import { runSettingsSchema, secretEntriesSchema } from "@/server/apps/run-settings";
import { getRunSettings } from "@/server/releases/get-run-settings";
import { updateRunSettings } from "@/server/releases/update-run-settings";
import { hasRole } from "@/server/roles";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const appId = z.string().min(1).max(64);

export const runSettingsRouter = createTRPCRouter({
  // Secret values are only sent to those who may read them: admins and owners.
  get: teamProcedure("VIEWER")
    .input(z.object({ appId }))
    .query(({ ctx, input }) => getRunSettings({ teamId: ctx.team.id, appId: input.appId, revealSecrets: hasRole(ctx.role, "ADMIN") })),

  update: teamProcedure("DEVELOPER")
    .input(z.object({ appId, settings: runSettingsSchema, secretValues: secretEntriesSchema.default([]), deploy: z.boolean().default(false) }))
    .mutation(({ ctx, input }) =>
      updateRunSettings({
        teamId: ctx.team.id,
        appId: input.appId,
        actor: ctx.actor,
        settings: input.settings,
        secretValues: Object.fromEntries(input.secretValues.map((entry) => [entry.name, entry.value])),
        deploy: input.deploy,
      }),
    ),
});
