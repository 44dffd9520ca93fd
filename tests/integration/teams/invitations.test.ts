import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createTeamWithMembers, createUser, refusal } from "../helpers/db";

function tokenOf(url: string): string {
  return url.split("/invite/")[1]!;
}

describe("invitations", () => {
  it("an invited user accepts the link and joins with the invited role; the link then stops working", async () => {
    const { team, owner } = await createTeamWithMembers();
    const invitee = await createUser();
    const invitation = await callerFor(owner).invitation.create({ teamSlug: team.slug, email: invitee.email, role: "VIEWER" });
    expect(invitation.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

    const token = tokenOf(invitation.url);
    expect(await callerFor(null).invitation.describe({ token })).toMatchObject({ state: "pending", role: "VIEWER", team: { slug: team.slug } });
    expect(await callerFor(invitee).invitation.accept({ token })).toEqual({ teamSlug: team.slug, role: "VIEWER" });
    expect((await callerFor(invitee).team.get({ teamSlug: team.slug })).role).toBe("VIEWER");

    const again = await refusal(callerFor(invitee).invitation.accept({ token }));
    expect(again.message).toMatch(/already been used/);
    expect((await callerFor(null).invitation.describe({ token }))?.state).toBe("accepted");
  });

  it("the token is never stored in clear", async () => {
    const { team, owner } = await createTeamWithMembers();
    const invitation = await callerFor(owner).invitation.create({ teamSlug: team.slug, email: "someone@example.test", role: "DEVELOPER" });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).not.toContain(tokenOf(invitation.url));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("an expired invitation is refused with what to do", async () => {
    const { team, owner } = await createTeamWithMembers();
    const invitee = await createUser();
    const invitation = await callerFor(owner).invitation.create({ teamSlug: team.slug, email: invitee.email, role: "DEVELOPER" });
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await refusal(callerFor(invitee).invitation.accept({ token: tokenOf(invitation.url) }));
    expect(refused.message).toBe("This invitation has expired. Ask a team admin for a new one.");
    expect(await db.membership.count({ where: { teamId: team.id, userId: invitee.id } })).toBe(0);
  });

  it("a revoked invitation, or one for another address, cannot be accepted", async () => {
    const { team, owner } = await createTeamWithMembers();
    const invitee = await createUser();
    const someoneElse = await createUser();
    const api = callerFor(owner);
    const first = await api.invitation.create({ teamSlug: team.slug, email: invitee.email, role: "DEVELOPER" });
    expect((await refusal(callerFor(someoneElse).invitation.accept({ token: tokenOf(first.url) }))).message).toMatch(/is for .* but you are signed in as/);
    await api.invitation.revoke({ teamSlug: team.slug, invitationId: first.id });
    expect((await refusal(callerFor(invitee).invitation.accept({ token: tokenOf(first.url) }))).message).toMatch(/revoked/);
  });

  it("an admin cannot invite an owner; inviting an existing member is refused", async () => {
    const { team, owner, members } = await createTeamWithMembers(["ADMIN"]);
    expect((await refusal(callerFor(members.ADMIN!).invitation.create({ teamSlug: team.slug, email: "x@example.test", role: "OWNER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(callerFor(owner).invitation.create({ teamSlug: team.slug, email: members.ADMIN!.email, role: "VIEWER" }))).message).toMatch(/already a member/);
  });
});
