/**
 * Every procedure of the root router is enumerated here and called by the three kinds of people
 * who must be refused: an anonymous caller, a member of another team, and a member whose role
 * is below the procedure's minimum. A new procedure without a rule — or with a rule that does
 * not hold — fails this test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Access } from "@/server/api/trpc";
import { ROLES, rolesBelow, type Role } from "@/server/roles";
import { callerFor, createTeamWithMembers, refusal, type TestUser } from "../helpers/db";

/**
 * Who may call what, written out: widening a rule, or adding a procedure, is a decision this
 * table must be told about.
 */
const EXPECTED_ACCESS: Record<string, "public" | "user" | Role> = {
  "account.signUp": "public",
  "account.me": "user",
  "team.list": "user",
  "team.create": "user",
  "team.get": "VIEWER",
  "team.rename": "ADMIN",
  "team.delete": "OWNER",
  "member.list": "VIEWER",
  "member.changeRole": "ADMIN",
  "member.remove": "ADMIN",
  "member.leave": "VIEWER",
  "invitation.list": "ADMIN",
  "invitation.create": "ADMIN",
  "invitation.revoke": "ADMIN",
  "invitation.describe": "public",
  "invitation.accept": "user",
  "project.list": "VIEWER",
  "project.get": "VIEWER",
  "project.create": "DEVELOPER",
  "project.rename": "ADMIN",
  "project.delete": "ADMIN",
  "project.addEnvironment": "ADMIN",
  "project.deleteEnvironment": "ADMIN",
  "app.get": "VIEWER",
  "app.create": "DEVELOPER",
  "app.delete": "ADMIN",
  "audit.list": "ADMIN",
  "source.get": "VIEWER",
  "source.check": "DEVELOPER",
  "source.save": "DEVELOPER",
  "source.generateDeployKey": "DEVELOPER",
  "source.updateBuildSettings": "DEVELOPER",
  "build.list": "VIEWER",
  "build.get": "VIEWER",
  "build.start": "DEVELOPER",
  "build.cancel": "DEVELOPER",
  "registry.get": "ADMIN",
  "registry.save": "ADMIN",
  "registry.remove": "ADMIN",
  "cluster.list": "VIEWER",
  "cluster.add": "ADMIN",
  "cluster.check": "ADMIN",
  "cluster.remove": "ADMIN",
  "cluster.setEnvironmentCluster": "ADMIN",
  "release.list": "VIEWER",
  "release.overview": "VIEWER",
  "release.liveState": "VIEWER",
  "release.drift": "VIEWER",
  "release.preview": "DEVELOPER",
  "release.deploy": "DEVELOPER",
  "release.rollback": "DEVELOPER",
  "release.reconcile": "DEVELOPER",
  "release.setAutoDeploy": "DEVELOPER",
  "runSettings.get": "VIEWER",
  "runSettings.update": "DEVELOPER",
  "pods.list": "VIEWER",
  "scaling.get": "VIEWER",
  "scaling.history": "VIEWER",
  "scaling.setReplicas": "DEVELOPER",
  "scaling.pause": "DEVELOPER",
  "scaling.resume": "DEVELOPER",
  "scaling.setAutoscaling": "DEVELOPER",
  "scaling.setResources": "DEVELOPER",
  "scaling.restart": "DEVELOPER",
};
const PUBLIC = new Set(Object.keys(EXPECTED_ACCESS).filter((path) => EXPECTED_ACCESS[path] === "public"));

type AnyProcedure = { _def: { meta?: { access?: Access }; type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function call(user: TestUser | null, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(user);
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

let teamA: Awaited<ReturnType<typeof createTeamWithMembers>>;
let outsider: TestUser;

beforeAll(async () => {
  teamA = await createTeamWithMembers(["ADMIN", "DEVELOPER", "VIEWER"]);
  outsider = (await createTeamWithMembers()).owner;
});

describe("every procedure declares who may call it", () => {
  it("the router has procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(20);
  });

  it.each(procedures)("%s has the access rule the table expects", (path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access, `${path} has no access rule: build it from publicProcedure, protectedProcedure or teamProcedure(role)`).toBeDefined();
    const declared = access!.kind === "team" ? access!.minRole : access!.kind;
    expect(declared, `${path}: add it to EXPECTED_ACCESS, or fix its rule`).toBe(EXPECTED_ACCESS[path]);
  });

  it("the table names no procedure that does not exist", () => {
    expect(Object.keys(EXPECTED_ACCESS).sort()).toEqual(procedures.map(([path]) => path).sort());
  });
});

describe.each(procedures.filter(([path]) => !PUBLIC.has(path)))("%s", (path, procedure) => {
  const access = procedure._def.meta!.access!;
  const input = () => ({ teamSlug: teamA.team.slug });

  it("refuses an anonymous caller", async () => {
    expect((await refusal(call(null, path, input()))).code).toBe("UNAUTHORIZED");
  });

  if (access.kind !== "team") return;

  it("refuses a member of another team", async () => {
    const refused = await refusal(call(outsider, path, input()));
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.message).toMatch(/not a member/);
  });

  const below = rolesBelow(access.minRole);
  if (below.length > 0) {
    it.each(below)(`refuses a %s (needs ${access.minRole.toLowerCase()})`, async (role) => {
      const refused = await refusal(call(teamA.members[role]!, path, input()));
      expect(refused.code).toBe("FORBIDDEN");
    });
  }

  // Queries have no side effects, so the lowest allowed role can show that the rule lets it through.
  if (procedure._def.type === "query") {
    it(`lets a ${access.minRole.toLowerCase()} through`, async () => {
      const allowed = ROLES.filter((role) => !below.includes(role)).at(-1)!;
      const outcome = await call(teamA.members[allowed]!, path, input()).then(
        () => "ok",
        (error: { code: string }) => error.code,
      );
      // Input beyond the team may still be missing (BAD_REQUEST), but never a refusal of the caller.
      expect(["ok", "BAD_REQUEST"]).toContain(outcome);
    });
  }
});
