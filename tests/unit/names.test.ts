import { describe, expect, it } from "vitest";
import { appNameSchema, emailSchema, passwordSchema, projectNameSchema, suggestSlug, teamSlugSchema } from "@/server/names";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("names that become URLs and Kubernetes objects", () => {
  it.each(["web", "api-2", "a", "x".repeat(40)])("accepts the app name %s", (name) => {
    expect(appNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ["Web", "may contain only lowercase letters"],
    ["9web", "must start with a letter"],
    ["web-", "end with a letter or digit"],
    ["we_b", "may contain only lowercase letters"],
    ["x".repeat(41), "at most 40 characters"],
    ["", "Enter a app name"],
  ])("refuses the app name %j, saying the rule", (name, rule) => {
    const message = messageOf(appNameSchema.safeParse(name));
    expect(message?.replace("Enter an app", "Enter a app")).toContain(rule);
  });

  it("project names may start with a digit (a DNS-1123 label) but stay short for namespaces", () => {
    expect(projectNameSchema.safeParse("2024-site").success).toBe(true);
    expect(messageOf(projectNameSchema.safeParse("p".repeat(31)))).toBe("A project name has at most 30 characters.");
  });

  it("team URLs cannot take the console's own paths", () => {
    expect(messageOf(teamSlugSchema.safeParse("sign-in"))).toBe("That team URL is reserved by Slipway; choose another.");
    expect(teamSlugSchema.safeParse("acme").success).toBe(true);
  });

  it("suggests a team URL from a display name", () => {
    expect(suggestSlug("Acme Platform, Inc.")).toBe("acme-platform-inc");
    expect(suggestSlug("  Ünïcode Team ")).toBe("unicode-team");
    expect(suggestSlug("---")).toBe("");
    expect(teamSlugSchema.safeParse(suggestSlug("A".repeat(60) + " b")).success).toBe(true);
  });
});

describe("accounts", () => {
  it("normalises e-mail addresses", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(messageOf(emailSchema.safeParse("not-an-email"))).toBe("Enter a valid e-mail address, like ada@example.com.");
  });

  it.each([
    ["short1", "Use at least 10 characters."],
    ["aaaaaaaaaaaa", "too easy to guess"],
    ["password12345", "avoid common words"],
  ])("refuses the weak password %j", (password, rule) => {
    expect(messageOf(passwordSchema.safeParse(password))).toContain(rule);
  });

  it("accepts a passphrase", () => {
    expect(passwordSchema.safeParse("correct horse battery staple").success).toBe(true);
  });
});
