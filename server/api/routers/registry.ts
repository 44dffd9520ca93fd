import { z } from "zod";
import { getTeamRegistry } from "@/server/registries/get-team-registry";
import { removeTeamRegistry } from "@/server/registries/remove-team-registry";
import { saveTeamRegistry } from "@/server/registries/save-team-registry";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

// host[:port][/path], lowercase, as it appears at the start of an image reference.
const REGISTRY_URL = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

export const registryRouter = createTRPCRouter({
  get: teamProcedure("ADMIN").query(({ ctx }) => getTeamRegistry(ctx.team.id)),

  save: teamProcedure("ADMIN")
    .input(
      z.object({
        url: z
          .string()
          .trim()
          .toLowerCase()
          .transform((value) => value.replace(/^(https?:\/\/|docker:\/\/)/, "").replace(/\/+$/, ""))
          .pipe(z.string().max(255, "A registry address has at most 255 characters.").regex(REGISTRY_URL, "Enter the registry as host[:port][/path], like ghcr.io/acme or registry.example.com:5000.")),
        username: z.string().trim().max(200).optional(),
        password: z.string().max(4096).optional(),
      }),
    )
    .mutation(({ ctx, input }) => saveTeamRegistry({ actor: ctx.actor, teamId: ctx.team.id, ...input })),

  remove: teamProcedure("ADMIN").mutation(({ ctx }) => removeTeamRegistry({ actor: ctx.actor, teamId: ctx.team.id })),
});
