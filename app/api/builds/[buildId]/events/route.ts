import { sseResponse } from "@/server/api/sse";
import { getSessionUser } from "@/server/auth";
import { getBuildForMember } from "@/server/builds/get-build-for-member";
import { streamBuildEvents } from "@/server/builds/stream-build-events";

export const dynamic = "force-dynamic";

/** Live build output and state as Server-Sent Events; resumes after Last-Event-ID on reconnect. */
export async function GET(request: Request, { params }: { params: Promise<{ buildId: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ message: "Sign in to continue." }, { status: 401 });
  const { buildId } = await params;
  const build = await getBuildForMember({ userId: user.id, buildId });
  if (!build) return Response.json({ message: "That build does not exist, or you are not in its team." }, { status: 404 });

  const resumeFrom = Number(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? 0);
  const afterSeq = Number.isInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : 0;

  return sseResponse(async function* (signal) {
    for await (const event of streamBuildEvents({ buildId, afterSeq, signal })) {
      if (event.kind === "line") yield { event: "line", id: event.seq, data: event };
      else yield { event: event.kind, data: event.kind === "state" ? event.state : {} };
    }
  }, request);
}
