import Link from "next/link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Logo } from "@/components/shell/logo";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { TeamSwitcher, type TeamSummary } from "@/components/shell/team-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { hasRole } from "@/server/roles";

interface ShellProps {
  teams: TeamSummary[];
  current: TeamSummary;
  projects: { name: string }[];
  user: { name: string; email: string };
  children: React.ReactNode;
}

/** The console frame: team switcher and navigation on the left, the page on the right. */
export function ConsoleShell({ teams, current, projects, user, children }: ShellProps) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col gap-4 border-r bg-muted/30 p-3 md:flex">
        <Link href={`/${current.slug}`} className="px-2 pt-1">
          <Logo />
        </Link>
        <TeamSwitcher teams={teams} current={current} />
        <SidebarNav teamSlug={current.slug} projects={projects} canSeeAudit={hasRole(current.role, "ADMIN")} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-12 items-center justify-between gap-3 border-b bg-background/90 px-4 backdrop-blur md:px-6">
          <div className="min-w-0 md:hidden">
            <TeamSwitcher teams={teams} current={current} />
          </div>
          <div className="hidden flex-1 md:block" />
          <div className="flex items-center gap-1">
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
