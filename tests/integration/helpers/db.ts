/** Real users and callers for integration tests: every test makes its own, so tests never share state. */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/server/accounts/password";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import type { Role } from "@/server/roles";

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(name = uniqueName("user"), password?: string): Promise<TestUser> {
  return db.user.create({
    data: { email: `${name}@example.test`, name, passwordHash: password ? await hashPassword(password) : null },
    select: { id: true, email: true, name: true },
  });
}

export function callerFor(user: TestUser | null, ip = "203.0.113.7") {
  return createCaller({ user, ip });
}

/** A team owned by a fresh user, with one member per given role. */
export async function createTeamWithMembers(roles: Role[] = []) {
  const owner = await createUser(uniqueName("owner"));
  const slug = uniqueName("team");
  const team = await callerFor(owner).team.create({ name: `Team ${slug}`, slug });
  const members: Partial<Record<Role, TestUser>> = { OWNER: owner };
  for (const role of roles) {
    const user = await createUser(uniqueName(role.toLowerCase()));
    await db.membership.create({ data: { teamId: team.id, userId: user.id, role } });
    members[role] = user;
  }
  return { team, owner, members };
}

/** What a rejected call reports: its tRPC code and message. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors?: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; message: string; cause?: { field?: string } };
    return { code: e.code ?? "UNKNOWN", message: e.message };
  }
  throw new Error("Expected the call to be refused, but it succeeded.");
}
