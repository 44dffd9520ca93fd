import { sseResponse } from "@/server/api/sse";
import { getSessionUser } from "@/server/auth";
import { getAppForMember } from "@/server/releases/get-app-for-member";
import { streamAppEvents } from "@/server/releases/stream-app-events";

export const dynamic = "force-dynamic";

/** The app page's live state (release, rollout, replicas) as Server-Sent Events. */
export async function GET(request: Request, { params }: { params: Promise<{ appId: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ message: "Sign in to continue." }, { status: 401 });
  const { appId } = await params;
  const app = await getAppForMember({ userId: user.id, appId });
  if (!app) return Response.json({ message: "That app does not exist, or you are not in its team." }, { status: 404 });
  return sseResponse(async function* (signal) {
    for await (const state of streamAppEvents({ teamId: app.teamId, appId, signal })) yield { event: "state", data: state };
  }, request);
}
