"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { roleLabel, type Role } from "@/server/roles";

export interface TeamSummary {
  slug: string;
  name: string;
  role: Role;
}

export function TeamSwitcher({ teams, current }: { teams: TeamSummary[]; current: TeamSummary }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        aria-label={`Team: ${current.name}. Switch team`}
      >
        <Avatar name={current.name} size="sm" square />
        <span className="grid min-w-0 flex-1">
          <span className="truncate font-medium">{current.name}</span>
          <span className="truncate text-xs text-muted-foreground">{roleLabel(current.role)}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Teams</DropdownMenuLabel>
        {teams.map((team) => (
          <DropdownMenuItem key={team.slug} asChild>
            <Link href={`/${team.slug}`}>
              <Avatar name={team.name} size="sm" square />
              <span className="flex-1 truncate">{team.name}</span>
              {team.slug === current.slug && <Check aria-label="Current team" className="size-4" />}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/new">
            <Plus aria-hidden className="size-4" /> Create a team
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
