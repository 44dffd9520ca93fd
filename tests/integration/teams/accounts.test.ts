import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/accounts/verify-credentials";
import { db } from "@/server/db";
import { callerFor, createUser, refusal, uniqueName } from "../helpers/db";
import { httpCall } from "../helpers/http";

describe("accounts", () => {
  it("signs up with a hashed password, and refuses a second account for the same e-mail", async () => {
    const email = `${uniqueName("new")}@example.test`;
    await callerFor(null).account.signUp({ email, name: "New Person", password: "a long passphrase 42" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const again = await httpCall(null, "account.signUp", { email: email.toUpperCase(), name: "Again", password: "another passphrase 42" });
    expect(again.status).toBe(409);
    expect(again.error?.data.fieldErrors?.email).toMatch(/already exists/);
  });

  it("a weak password is refused with the rule", async () => {
    const result = await httpCall(null, "account.signUp", { email: `${uniqueName("weak")}@example.test`, name: "W", password: "aaaaaaaaaaaa" });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.password).toMatch(/too easy to guess/);
  });

  it("repeated failed sign-ins for an address are slowed down, even with the right password afterwards", async () => {
    const user = await createUser(uniqueName("target"), "the right passphrase 1");
    const attempt = (password: string) => verifyCredentials({ email: user.email, password, ip: null });
    expect(await attempt("the right passphrase 1")).toMatchObject({ id: user.id });
    for (let i = 0; i < 5; i += 1) await refusal(attempt("wrong guess"));
    const locked = await refusal(attempt("the right passphrase 1"));
    expect(locked.message).toMatch(/Too many failed sign-ins. Try again in \d+ seconds?\./);
  });

  it("a wrong e-mail and a wrong password read the same", async () => {
    const user = await createUser(uniqueName("known"), "the right passphrase 2");
    const wrongPassword = await refusal(verifyCredentials({ email: user.email, password: "nope", ip: "192.0.2.9" }));
    const unknownUser = await refusal(verifyCredentials({ email: "nobody@example.test", password: "nope", ip: "192.0.2.10" }));
    expect(wrongPassword.message).toBe(unknownUser.message);
  });
});
