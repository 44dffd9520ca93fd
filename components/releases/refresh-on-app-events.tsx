"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps the server-rendered parts of an app's pages current (the header's status, the releases
 * list): when the newest release changes — starts, finishes or fails — the route re-renders
 * with fresh data. Client components keep their state (an open log stream stays open).
 */
export function RefreshOnAppEvents({ appId, rendered }: { appId: string; rendered: { version: number; status: string } | null }) {
  const router = useRouter();
  // What the server rendered: a change that happened before the stream opened still refreshes.
  const last = useRef<string>(rendered ? `${rendered.version}:${rendered.status}` : "none");
  useEffect(() => {
    const source = new EventSource(`/api/apps/${appId}/events`);
    source.addEventListener("state", (event) => {
      const state = JSON.parse((event as MessageEvent<string>).data) as { overview: { latest: { version: number; status: string } | null } };
      const key = state.overview.latest ? `${state.overview.latest.version}:${state.overview.latest.status}` : "none";
      if (last.current !== key) router.refresh();
      last.current = key;
    });
    return () => source.close();
  }, [appId, router]);
  return null;
}
