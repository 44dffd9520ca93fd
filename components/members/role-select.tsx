"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLES, roleLabel, type Role } from "@/server/roles";

const DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Everything, including deleting the team",
  ADMIN: "Members, settings, clusters and deletions",
  DEVELOPER: "Build, deploy, scale and roll back",
  VIEWER: "Read-only access",
};

export function RoleSelect(props: {
  value: Role;
  onChange: (role: Role) => void;
  /** Roles the actor may hand out. */
  allowed: readonly Role[];
  disabled?: boolean;
  id?: string;
  "aria-label"?: string;
  size?: "sm" | "default";
}) {
  return (
    <Select value={props.value} onValueChange={(value) => props.onChange(value as Role)} disabled={props.disabled}>
      <SelectTrigger id={props.id} size={props.size} aria-label={props["aria-label"]} className="w-36">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {ROLES.filter((role) => props.allowed.includes(role)).map((role) => (
          <SelectItem key={role} value={role} description={DESCRIPTIONS[role]}>
            {roleLabel(role)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
