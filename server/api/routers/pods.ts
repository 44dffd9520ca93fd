import { z } from "zod";
import { getAppPods } from "@/server/pods/get-app-pods";
import { createTRPCRouter, teamProcedure } from "@/server/api/trpc";

const appId = z.string().min(1).max(64);

export const podsRouter = createTRPCRouter({
  list: teamProcedure("VIEWER")
    .input(z.object({ appId }))
    .query(({ ctx, input }) => getAppPods({ teamId: ctx.team.id, appId: input.appId })),
});
