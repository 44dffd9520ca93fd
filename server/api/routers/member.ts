import { z } from "zod";
import { changeMemberRole } from "@/server/members/change-member-role";
import { listMembers } from "@/server/members/list-members";
import { removeMember } from "@/server/members/remove-member";
import { ROLES } from "@/server/roles";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const membershipId = z.string().min(1).max(64);

export const memberRouter = createTRPCRouter({
  list: teamProcedure("VIEWER").query(({ ctx }) => listMembers(ctx.team.id)),

  changeRole: teamProcedure("ADMIN")
    .input(z.object({ membershipId, role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) => changeMemberRole({ actor: ctx.actor, actorRole: ctx.role, teamId: ctx.team.id, ...input })),

  remove: teamProcedure("ADMIN")
    .input(z.object({ membershipId }))
    .mutation(({ ctx, input }) => removeMember({ actor: ctx.actor, actorRole: ctx.role, teamId: ctx.team.id, membershipId: input.membershipId })),

  leave: teamProcedure("VIEWER").mutation(({ ctx }) => removeMember({ actor: ctx.actor, actorRole: ctx.role, teamId: ctx.team.id })),
});
