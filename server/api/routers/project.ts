import { z } from "zod";
import { createEnvironment } from "@/server/environments/create-environment";
import { deleteEnvironment } from "@/server/environments/delete-environment";
import { createProject } from "@/server/projects/create-project";
import { deleteProject } from "@/server/projects/delete-project";
import { getProject } from "@/server/projects/get-project";
import { listProjects } from "@/server/projects/list-projects";
import { renameProject } from "@/server/projects/rename-project";
import { environmentNameSchema, projectNameSchema } from "@/server/names";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const id = z.string().min(1).max(64);

export const projectRouter = createTRPCRouter({
  list: teamProcedure("VIEWER").query(({ ctx }) => listProjects(ctx.team.id)),

  get: teamProcedure("VIEWER")
    .input(z.object({ name: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getProject({ teamId: ctx.team.id, name: input.name })),

  create: teamProcedure("DEVELOPER")
    .input(z.object({ name: projectNameSchema }))
    .mutation(({ ctx, input }) => createProject({ actor: ctx.actor, teamId: ctx.team.id, name: input.name })),

  rename: teamProcedure("ADMIN")
    .input(z.object({ projectId: id, name: projectNameSchema }))
    .mutation(({ ctx, input }) => renameProject({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  delete: teamProcedure("ADMIN")
    .input(z.object({ projectId: id, confirmation: z.string().max(64) }))
    .mutation(({ ctx, input }) => deleteProject({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  addEnvironment: teamProcedure("ADMIN")
    .input(z.object({ projectId: id, name: environmentNameSchema }))
    .mutation(({ ctx, input }) => createEnvironment({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  deleteEnvironment: teamProcedure("ADMIN")
    .input(z.object({ environmentId: id }))
    .mutation(({ ctx, input }) => deleteEnvironment({ actor: ctx.actor, teamId: ctx.team.id, environmentId: input.environmentId })),
});
