import { z } from "zod";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { createInvitation } from "@/server/invitations/create-invitation";
import { describeInvitation } from "@/server/invitations/describe-invitation";
import { listInvitations } from "@/server/invitations/list-invitations";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";
import { emailSchema } from "@/server/names";
import { ROLES } from "@/server/roles";
import { createTRPCRouter, protectedProcedure, publicProcedure, teamProcedure } from "@/server/api/trpc";

const token = z.string().min(1).max(128);

export const invitationRouter = createTRPCRouter({
  list: teamProcedure("ADMIN").query(({ ctx }) => listInvitations(ctx.team.id)),

  create: teamProcedure("ADMIN")
    .input(z.object({ email: emailSchema, role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) => createInvitation({ actor: ctx.actor, actorRole: ctx.role, teamId: ctx.team.id, ...input })),

  revoke: teamProcedure("ADMIN")
    .input(z.object({ invitationId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => revokeInvitation({ actor: ctx.actor, teamId: ctx.team.id, invitationId: input.invitationId })),

  // The link itself is the credential: whoever holds it may see which team it is for.
  describe: publicProcedure.input(z.object({ token })).query(({ input }) => describeInvitation(input.token)),

  accept: protectedProcedure.input(z.object({ token })).mutation(({ ctx, input }) => acceptInvitation({ actor: ctx.actor, token: input.token })),
});
