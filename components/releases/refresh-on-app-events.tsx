"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps a server-rendered page (the releases list) current: when the app's live state changes
 * — a release starts, finishes or fails — the page re-renders with fresh data.
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
