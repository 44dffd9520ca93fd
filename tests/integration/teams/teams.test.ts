import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createTeamWithMembers, createUser, refusal, uniqueName } from "../helpers/db";
import { httpCall } from "../helpers/http";

describe("teams", () => {
  it("the creator of a team becomes its owner, and the creation is audited with the client address", async () => {
    const user = await createUser();
    const slug = uniqueName("acme");
    const team = await callerFor(user, "192.0.2.44").team.create({ name: "Acme", slug });
    const membership = await db.membership.findFirstOrThrow({ where: { teamId: team.id, userId: user.id } });
    expect(membership.role).toBe("OWNER");
    const event = await db.auditEvent.findFirstOrThrow({ where: { teamId: team.id, action: "team.create" } });
    expect(event).toMatchObject({ actorId: user.id, actorEmail: user.email, targetName: "Acme", ip: "192.0.2.44" });
  });

  it("a team URL that is taken, invalid or reserved is refused with the rule, next to the field", async () => {
    const { team, owner } = await createTeamWithMembers();
    const taken = await httpCall(owner, "team.create", { name: "Again", slug: team.slug });
    expect(taken.status).toBe(409);
    expect(taken.error?.data.fieldErrors).toEqual({ slug: `The team URL "${team.slug}" is taken; choose another.` });

    const invalid = await httpCall(owner, "team.create", { name: "Bad", slug: "Not A Slug!" });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.data.fieldErrors?.slug).toMatch(/only lowercase letters, digits and hyphens/);

    const reserved = await httpCall(owner, "team.create", { name: "Bad", slug: "settings" });
    expect(reserved.error?.data.fieldErrors?.slug).toMatch(/reserved/);
  });

  it("oversized fields are refused with a clear message, never a 500", async () => {
    const owner = await createUser();
    const result = await httpCall(owner, "team.create", { name: "x".repeat(10_000), slug: uniqueName("big") });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.name).toBe("A name has at most 64 characters.");
  });

  it("an admin renames the team and the audit log records the old and new names", async () => {
    const { team, members } = await createTeamWithMembers(["ADMIN"]);
    await callerFor(members.ADMIN!).team.rename({ teamSlug: team.slug, name: "Renamed" });
    const events = await callerFor(members.ADMIN!).audit.list({ teamSlug: team.slug, action: "team.rename" });
    expect(events.events).toHaveLength(1);
    expect(events.events[0]).toMatchObject({ actorEmail: members.ADMIN!.email, targetName: "Renamed" });
    expect(events.events[0]!.metadata).toMatchObject({ from: { name: team.name }, to: { name: "Renamed" } });
  });

  it("a team with apps cannot be deleted, and the message says what to do first", async () => {
    const { team, owner } = await createTeamWithMembers();
    const api = callerFor(owner);
    const project = await api.project.create({ teamSlug: team.slug, name: "shop" });
    const { environments } = await api.project.get({ teamSlug: team.slug, name: project.name });
    await api.app.create({ teamSlug: team.slug, environmentId: environments[0]!.id, name: "web" });

    const refused = await refusal(api.team.delete({ teamSlug: team.slug, confirmation: team.slug }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe("This team still has 1 app. Delete it from their projects first, then delete the team.");
    expect(await db.team.count({ where: { id: team.id } })).toBe(1);
  });

  it("deleting a team needs its URL typed out, and then removes it", async () => {
    const { team, owner } = await createTeamWithMembers();
    const api = callerFor(owner);
    expect((await refusal(api.team.delete({ teamSlug: team.slug, confirmation: "nope" }))).message).toMatch(/to confirm/);
    await api.team.delete({ teamSlug: team.slug, confirmation: team.slug });
    expect(await db.team.count({ where: { id: team.id } })).toBe(0);
  });
});

describe("members", () => {
  it("the last owner can neither leave nor be demoted", async () => {
    const { team, owner } = await createTeamWithMembers();
    const api = callerFor(owner);
    expect((await refusal(api.member.leave({ teamSlug: team.slug }))).message).toMatch(/last owner cannot leave/);
    const [membership] = await api.member.list({ teamSlug: team.slug });
    const demote = await refusal(api.member.changeRole({ teamSlug: team.slug, membershipId: membership!.id, role: "ADMIN" }));
    expect(demote.message).toMatch(/last owner cannot be demoted/);
  });

  it("with a second owner, an owner may step down", async () => {
    const { team, owner } = await createTeamWithMembers(["OWNER"]);
    const api = callerFor(owner);
    const mine = (await api.member.list({ teamSlug: team.slug })).find((member) => member.userId === owner.id)!;
    await api.member.changeRole({ teamSlug: team.slug, membershipId: mine.id, role: "DEVELOPER" });
    expect((await api.team.get({ teamSlug: team.slug })).role).toBe("DEVELOPER");
  });

  it("an admin cannot make anyone an owner or touch an owner", async () => {
    const { team, owner, members } = await createTeamWithMembers(["ADMIN", "VIEWER"]);
    const admin = callerFor(members.ADMIN!);
    const list = await admin.member.list({ teamSlug: team.slug });
    const viewer = list.find((member) => member.userId === members.VIEWER!.id)!;
    const ownerRow = list.find((member) => member.userId === owner.id)!;
    expect((await refusal(admin.member.changeRole({ teamSlug: team.slug, membershipId: viewer.id, role: "OWNER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(admin.member.remove({ teamSlug: team.slug, membershipId: ownerRow.id }))).code).toBe("FORBIDDEN");
    await admin.member.changeRole({ teamSlug: team.slug, membershipId: viewer.id, role: "DEVELOPER" });
    expect((await callerFor(members.VIEWER!).team.get({ teamSlug: team.slug })).role).toBe("DEVELOPER");
  });

  it("a removed member loses access at once", async () => {
    const { team, owner, members } = await createTeamWithMembers(["DEVELOPER"]);
    const api = callerFor(owner);
    const developer = (await api.member.list({ teamSlug: team.slug })).find((member) => member.userId === members.DEVELOPER!.id)!;
    await api.member.remove({ teamSlug: team.slug, membershipId: developer.id });
    expect((await refusal(callerFor(members.DEVELOPER!).project.list({ teamSlug: team.slug }))).code).toBe("NOT_FOUND");
  });
});
