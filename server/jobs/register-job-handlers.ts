import type PgBoss from "pg-boss";

/** Every job type the worker runs, registered in one place. */
export async function registerJobHandlers(_boss: PgBoss): Promise<void> {
  // Job types arrive with builds and deploys.
}
