import { z } from "zod";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const filterText = z.string().trim().max(100).optional();

export const auditRouter = createTRPCRouter({
  list: teamProcedure("ADMIN")
    .input(z.object({ actor: filterText, action: filterText, target: filterText, cursor: z.string().max(64).optional() }))
    .query(({ ctx, input }) => {
      const { teamSlug: _team, cursor, ...filter } = input;
      return listAuditEvents({ teamId: ctx.team.id, filter, cursor });
    }),
});
