import { z } from "zod";
import { validateBranchName } from "@/server/build/branch-name";
import { buildSettingsSchema } from "@/server/build/build-settings";
import { validateRepositoryUrl } from "@/server/build/repository-url";
import { buildConfig } from "@/server/build/build-config";
import { hasRole } from "@/server/roles";
import { checkRepository } from "@/server/sources/check-repository";
import { generateAppDeployKey } from "@/server/sources/generate-app-deploy-key";
import { getAppSource } from "@/server/sources/get-app-source";
import { saveAppSource } from "@/server/sources/save-app-source";
import { updateBuildSettings } from "@/server/sources/update-build-settings";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const appId = z.string().min(1).max(64);

const repository = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the repository's URL.")
    .max(2048, "A repository URL has at most 2048 characters.")
    .superRefine((url, context) => {
      const result = validateRepositoryUrl(url, { insecureHosts: buildConfig().insecureGitHosts });
      if (!result.ok) context.addIssue({ code: "custom", message: result.message });
    }),
  authKind: z.enum(["NONE", "TOKEN", "SSH_KEY"]),
  token: z.string().max(4096, "An access token has at most 4096 characters.").optional(),
  tokenUsername: z.string().trim().max(200).optional(),
});

const branch = z
  .string()
  .trim()
  .min(1, "Choose a branch.")
  .max(255)
  .superRefine((value, context) => {
    const result = validateBranchName(value);
    if (!result.ok) context.addIssue({ code: "custom", message: result.message });
  });

export const sourceRouter = createTRPCRouter({
  get: teamProcedure("VIEWER")
    .input(z.object({ appId }))
    .query(({ ctx, input }) => getAppSource({ teamId: ctx.team.id, appId: input.appId, revealSecrets: hasRole(ctx.role, "ADMIN") })),

  check: teamProcedure("DEVELOPER")
    .input(z.object({ appId, repository }))
    .mutation(({ ctx, input }) => checkRepository({ teamId: ctx.team.id, appId: input.appId, input: input.repository })),

  save: teamProcedure("DEVELOPER")
    .input(z.object({ appId, repository, branch }))
    .mutation(({ ctx, input }) => saveAppSource({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  generateDeployKey: teamProcedure("DEVELOPER")
    .input(z.object({ appId }))
    .mutation(({ ctx, input }) => generateAppDeployKey({ actor: ctx.actor, teamId: ctx.team.id, appId: input.appId })),

  updateBuildSettings: teamProcedure("DEVELOPER")
    .input(z.object({ appId, settings: buildSettingsSchema }))
    .mutation(({ ctx, input }) => updateBuildSettings({ actor: ctx.actor, teamId: ctx.team.id, appId: input.appId, settings: input.settings })),
});
