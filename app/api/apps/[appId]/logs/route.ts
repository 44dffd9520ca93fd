import { getSessionUser } from "@/server/auth";
import { logSseResponse } from "@/server/logs/log-sse-response";
import { openAppLogStream } from "@/server/logs/open-app-log-stream";

export const dynamic = "force-dynamic";

/**
 * Live logs of all of an app's pods as Server-Sent Events (see server/logs/stream-app-logs.ts).
 * Query: tail, since, pods, containers, filter, regex. A reconnecting EventSource sends
 * Last-Event-ID and continues exactly where it stopped.
 */
export async function GET(request: Request, { params }: { params: Promise<{ appId: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ message: "Sign in to continue." }, { status: 401 });
  const { appId } = await params;
  const opened = await openAppLogStream({ userId: user.id, appId, params: new URL(request.url).searchParams, lastEventId: request.headers.get("last-event-id") });
  if (!opened.ok) return Response.json({ message: opened.message, field: opened.field }, { status: opened.status });
  return logSseResponse(opened.produce, request);
}
