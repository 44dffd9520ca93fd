"use client";

import { FolderKanban, ScrollText, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

interface NavProps {
  teamSlug: string;
  projects: { name: string }[];
  canSeeAudit: boolean;
}

function NavLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted-foreground hover:bg-accent hover:text-foreground",
        active && "bg-accent font-medium text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

export function SidebarNav({ teamSlug, projects, canSeeAudit }: NavProps) {
  const pathname = usePathname();
  const base = `/${teamSlug}`;
  return (
    <nav aria-label="Team" className="grid gap-0.5">
      <NavLink href={base} active={pathname === base}>
        <FolderKanban aria-hidden className="size-4" /> Projects
      </NavLink>
      {projects.length > 0 && (
        <ul className="ml-4 grid gap-0.5 border-l pl-2">
          {projects.map((project) => {
            const href = `${base}/projects/${project.name}`;
            return (
              <li key={project.name}>
                <NavLink href={href} active={pathname.startsWith(href)}>
                  <span className="truncate">{project.name}</span>
                </NavLink>
              </li>
            );
          })}
        </ul>
      )}
      {canSeeAudit && (
        <NavLink href={`${base}/audit`} active={pathname.startsWith(`${base}/audit`)}>
          <ScrollText aria-hidden className="size-4" /> Audit log
        </NavLink>
      )}
      <NavLink href={`${base}/settings`} active={pathname.startsWith(`${base}/settings`)}>
        <Settings aria-hidden className="size-4" /> Settings
      </NavLink>
    </nav>
  );
}
