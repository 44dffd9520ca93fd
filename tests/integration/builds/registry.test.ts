import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createTeamWithMembers } from "../helpers/db";
import { httpCall } from "../helpers/http";
import { useTestBuildEnvironment } from "../build/build-env";

let registry: string;
beforeAll(() => {
  registry = useTestBuildEnvironment().registry;
});

describe("a team's registry", () => {
  it("is checked before it is saved, and its password never comes back", async () => {
    const { team, owner } = await createTeamWithMembers();
    const api = callerFor(owner);
    await api.registry.save({ teamSlug: team.slug, url: `http://${registry}/acme/`, username: "robot", password: "s3cret-pass" });
    const view = await api.registry.get({ teamSlug: team.slug });
    expect(view.own).toMatchObject({ url: `${registry}/acme`, username: "robot", hasPassword: true });
    expect(JSON.stringify(view)).not.toContain("s3cret-pass");
    const stored = await db.teamRegistry.findUniqueOrThrow({ where: { teamId: team.id } });
    expect(stored.passwordEncrypted).not.toContain("s3cret-pass");
  });

  it("an address that is not a registry, or cannot be reached, is refused with what to do", async () => {
    const { team, owner } = await createTeamWithMembers();
    const malformed = await httpCall(owner, "registry.save", { teamSlug: team.slug, url: "not a registry!" });
    expect(malformed.status).toBe(400);
    expect(malformed.error?.data.fieldErrors?.url).toMatch(/host\[:port\]\[\/path\]/);
    const unreachable = await httpCall(owner, "registry.save", { teamSlug: team.slug, url: "127.0.0.1:1" });
    expect(unreachable.status).toBe(503);
    expect(unreachable.error?.data.fieldErrors?.url).toMatch(/Could not reach 127.0.0.1:1/);
  });

  it("only admins and owners see or change it", async () => {
    const { team, members } = await createTeamWithMembers(["DEVELOPER"]);
    expect((await httpCall(members.DEVELOPER!, "registry.get", { teamSlug: team.slug }, "query")).status).toBe(403);
  });
});
