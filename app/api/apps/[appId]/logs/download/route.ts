import { getSessionUser } from "@/server/auth";
import { downloadAppLogs } from "@/server/logs/download-app-logs";

export const dynamic = "force-dynamic";

/** The app's logs as a file, with the viewer's choice of pods, tail, since and filter. */
export async function GET(request: Request, { params }: { params: Promise<{ appId: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ message: "Sign in to continue." }, { status: 401 });
  const { appId } = await params;
  const result = await downloadAppLogs({ userId: user.id, appId, params: new URL(request.url).searchParams });
  if (!result.ok) return Response.json({ message: result.message }, { status: result.status });
  return new Response(result.body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${result.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
