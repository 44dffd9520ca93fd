import { describe, expect, it } from "vitest";
import { callerFor, createTeamWithMembers, refusal } from "../helpers/db";
import { httpCall } from "../helpers/http";

async function teamWithApp() {
  const setup = await createTeamWithMembers(["DEVELOPER", "VIEWER"]);
  const api = callerFor(setup.owner);
  await api.project.create({ teamSlug: setup.team.slug, name: "shop" });
  const project = await api.project.get({ teamSlug: setup.team.slug, name: "shop" });
  const app = await api.app.create({ teamSlug: setup.team.slug, environmentId: project.environments[0]!.id, name: "web" });
  return { ...setup, project, app };
}

describe("projects, environments and apps", () => {
  it("a project starts with a production environment; staging can be added", async () => {
    const { team, owner, project } = await teamWithApp();
    expect(project.environments.map((environment) => environment.name)).toEqual(["production"]);
    await callerFor(owner).project.addEnvironment({ teamSlug: team.slug, projectId: project.id, name: "staging" });
    const again = await callerFor(owner).project.get({ teamSlug: team.slug, name: "shop" });
    expect(again.environments.map((environment) => environment.name)).toEqual(["production", "staging"]);
  });

  it("app names follow DNS label rules and are unique in their environment", async () => {
    const { team, members, project } = await teamWithApp();
    const environmentId = project.environments[0]!.id;
    const invalid = await httpCall(members.DEVELOPER!, "app.create", { teamSlug: team.slug, environmentId, name: "9-Web_App" });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.data.fieldErrors?.name).toBe(
      "An app name may contain only lowercase letters, digits and hyphens, and must start with a letter and end with a letter or digit.",
    );
    const duplicate = await httpCall(members.DEVELOPER!, "app.create", { teamSlug: team.slug, environmentId, name: "web" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.error?.data.fieldErrors?.name).toBe('This environment already has an app named "web".');
  });

  it("a member of another team cannot reach this team's app by id, even through their own team", async () => {
    const { app } = await teamWithApp();
    const other = await createTeamWithMembers();
    const refused = await refusal(callerFor(other.owner).app.get({ teamSlug: other.team.slug, appId: app.id }));
    expect(refused.code).toBe("NOT_FOUND");
    const deleteRefused = await refusal(callerFor(other.owner).app.delete({ teamSlug: other.team.slug, appId: app.id, confirmation: "web" }));
    expect(deleteRefused.code).toBe("NOT_FOUND");
  });

  it("a project with apps cannot be deleted until they are", async () => {
    const { team, owner, project, app } = await teamWithApp();
    const api = callerFor(owner);
    expect((await refusal(api.project.delete({ teamSlug: team.slug, projectId: project.id, confirmation: "shop" }))).message).toMatch(/still has 1 app/);
    await api.app.delete({ teamSlug: team.slug, appId: app.id, confirmation: "web" });
    await api.project.delete({ teamSlug: team.slug, projectId: project.id, confirmation: "shop" });
    expect(await api.project.list({ teamSlug: team.slug })).toEqual([]);
  });

  it("a viewer reads projects but cannot create one", async () => {
    const { team, members } = await teamWithApp();
    const viewer = callerFor(members.VIEWER!);
    expect((await viewer.project.list({ teamSlug: team.slug })).map((project) => project.name)).toEqual(["shop"]);
    const refused = await httpCall(members.VIEWER!, "project.create", { teamSlug: team.slug, name: "new" });
    expect(refused.status).toBe(403);
  });
});
