import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";
  process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
  process.env.SLIPWAY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
});

describe("secrets at rest", () => {
  it("round-trips, and never stores the plaintext", async () => {
    const { decryptSecret, encryptSecret } = await import("@/server/crypto");
    const stored = encryptSecret("ghp_supersecret");
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain("ghp_supersecret");
    expect(decryptSecret(stored)).toBe("ghp_supersecret");
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses a tampered value", async () => {
    const { decryptSecret, encryptSecret } = await import("@/server/crypto");
    const parts = encryptSecret("value").split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
  });
});
