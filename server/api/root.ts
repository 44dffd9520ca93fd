import { accountRouter } from "@/server/api/routers/account";
import { appsRouter } from "@/server/api/routers/app";
import { auditRouter } from "@/server/api/routers/audit";
import { invitationRouter } from "@/server/api/routers/invitation";
import { memberRouter } from "@/server/api/routers/member";
import { projectRouter } from "@/server/api/routers/project";
import { teamRouter } from "@/server/api/routers/team";
import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  team: teamRouter,
  member: memberRouter,
  invitation: invitationRouter,
  project: projectRouter,
  app: appsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
