import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/server/safe-redirect";

describe("after sign-in, Slipway only returns to its own pages", () => {
  it.each([
    ["/acme/settings", "/acme/settings"],
    [undefined, "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    [["/a", "/b"], "/a"],
  ])("%j → %j", (input, expected) => {
    expect(safeCallbackUrl(input as string | string[] | undefined)).toBe(expected);
  });
});
