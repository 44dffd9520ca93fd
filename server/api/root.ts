import { accountRouter } from "@/server/api/routers/account";
import { appsRouter } from "@/server/api/routers/app";
import { auditRouter } from "@/server/api/routers/audit";
import { buildRouter } from "@/server/api/routers/build";
import { clusterRouter } from "@/server/api/routers/cluster";
import { invitationRouter } from "@/server/api/routers/invitation";
import { memberRouter } from "@/server/api/routers/member";
import { podsRouter } from "@/server/api/routers/pods";
import { projectRouter } from "@/server/api/routers/project";
import { registryRouter } from "@/server/api/routers/registry";
import { releaseRouter } from "@/server/api/routers/release";
import { runSettingsRouter } from "@/server/api/routers/run-settings";
import { scalingRouter } from "@/server/api/routers/scaling";
import { sourceRouter } from "@/server/api/routers/source";
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
  source: sourceRouter,
  build: buildRouter,
  registry: registryRouter,
  cluster: clusterRouter,
  release: releaseRouter,
  runSettings: runSettingsRouter,
  pods: podsRouter,
  scaling: scalingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
