/** Team roles, strongest first: owner > admin > developer > viewer. */
export const ROLES = ["OWNER", "ADMIN", "DEVELOPER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, DEVELOPER: 2, VIEWER: 1 };

export function hasRole(actual: Role, minimum: Role): boolean {
  return RANK[actual] >= RANK[minimum];
}

export function roleLabel(role: Role): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}

/** The roles just below `role`, for tests and for pickers that must not offer more than the actor has. */
export function rolesBelow(role: Role): Role[] {
  return ROLES.filter((candidate) => RANK[candidate] < RANK[role]);
}
