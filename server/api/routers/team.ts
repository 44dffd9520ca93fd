import { z } from "zod";
import { createTeam } from "@/server/teams/create-team";
import { deleteTeam } from "@/server/teams/delete-team";
import { listTeamsForUser } from "@/server/teams/list-teams-for-user";
import { renameTeam } from "@/server/teams/rename-team";
import { displayNameSchema, teamSlugSchema } from "@/server/names";
import { createTRPCRouter, protectedProcedure, teamProcedure } from "@/server/api/trpc";

export const teamRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listTeamsForUser(ctx.user.id)),

  create: protectedProcedure
    .input(z.object({ name: displayNameSchema, slug: teamSlugSchema }))
    .mutation(({ ctx, input }) => createTeam({ actor: ctx.actor, ...input })),

  get: teamProcedure("VIEWER").query(({ ctx }) => ({ ...ctx.team, role: ctx.role })),

  rename: teamProcedure("ADMIN")
    .input(z.object({ name: displayNameSchema, slug: teamSlugSchema.optional() }))
    .mutation(({ ctx, input }) => renameTeam({ actor: ctx.actor, teamId: ctx.team.id, name: input.name, slug: input.slug })),

  delete: teamProcedure("OWNER")
    .input(z.object({ confirmation: z.string().max(64) }))
    .mutation(({ ctx, input }) => deleteTeam({ teamId: ctx.team.id, confirmation: input.confirmation })),
});
