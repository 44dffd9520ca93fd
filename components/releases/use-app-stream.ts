"use client";

import { useEffect, useState } from "react";
import type { AppLiveState } from "@/server/releases/stream-app-events";

/** The app's live state over Server-Sent Events; EventSource reconnects by itself. */
export function useAppStream(appId: string, initial: AppLiveState) {
  const [state, setState] = useState(initial);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/apps/${appId}/events`);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("state", (event) => setState(JSON.parse((event as MessageEvent<string>).data) as AppLiveState));
    return () => source.close();
  }, [appId]);
  return { state, connected };
}
