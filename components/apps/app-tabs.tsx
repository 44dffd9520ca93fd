"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface AppTab {
  label: string;
  /** Path below the app's own, "" for the overview. */
  segment: string;
}

/** The app's sections, as links: each is its own page, so it can be bookmarked and shared. */
export function AppTabs({ base, tabs }: { base: string; tabs: AppTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="App" className="-mb-px flex gap-1 overflow-x-auto border-b">
      {tabs.map((tab) => {
        const href = tab.segment ? `${base}/${tab.segment}` : base;
        const active = tab.segment ? pathname.startsWith(href) : pathname === base;
        return (
          <Link
            key={tab.label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "border-b-2 border-transparent px-3 py-2 text-sm whitespace-nowrap text-muted-foreground hover:text-foreground",
              active && "border-primary font-medium text-foreground",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
