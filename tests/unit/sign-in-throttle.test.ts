import { describe, expect, it } from "vitest";
import { lockSecondsAfter } from "@/server/accounts/sign-in-throttle";

describe("sign-in throttling", () => {
  it("lets the first four mistakes through, then doubles the wait up to 15 minutes", () => {
    expect([1, 2, 3, 4].map(lockSecondsAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(lockSecondsAfter)).toEqual([2, 4, 8, 16]);
    expect(lockSecondsAfter(40)).toBe(900);
  });
});
