/** Who is acting, as every mutation records it in the audit log. */
export interface Actor {
  userId: string;
  email: string;
  /** Client address as the web process saw it (see server/web.ts); null for jobs. */
  ip: string | null;
}
