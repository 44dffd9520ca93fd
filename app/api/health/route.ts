import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers and for the test runner: the database answers. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unreachable" }, { status: 503 });
  }
}
