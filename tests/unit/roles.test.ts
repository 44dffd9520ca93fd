import { describe, expect, it } from "vitest";
import { hasRole, rolesBelow } from "@/server/roles";

describe("roles: owner > admin > developer > viewer", () => {
  it("a role satisfies itself and every weaker minimum", () => {
    expect(hasRole("OWNER", "VIEWER")).toBe(true);
    expect(hasRole("ADMIN", "ADMIN")).toBe(true);
    expect(hasRole("DEVELOPER", "ADMIN")).toBe(false);
    expect(hasRole("VIEWER", "DEVELOPER")).toBe(false);
  });

  it("lists the roles below a minimum", () => {
    expect(rolesBelow("ADMIN")).toEqual(["DEVELOPER", "VIEWER"]);
    expect(rolesBelow("VIEWER")).toEqual([]);
  });
});
