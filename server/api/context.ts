import "server-only";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** What every procedure knows about its caller. Built by the HTTP edge (app/api/trpc) or by tests. */
export interface Context {
  user: SessionUser | null;
  /** Client address as the web process saw it; null when unknown. */
  ip: string | null;
}
