import { handlePushWebhook } from "@/server/builds/handle-push-webhook";

export const dynamic = "force-dynamic";

// Push payloads of big monorepos are large, but not this large.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** GitHub and GitLab push webhooks, one URL per app (shown in the app's settings). */
export async function POST(request: Request, { params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  if (!/^[a-z0-9]{1,64}$/i.test(appId)) return Response.json({ message: "No such app." }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return Response.json({ message: "Payload too large." }, { status: 413 });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return Response.json({ message: "Payload too large." }, { status: 413 });
  const outcome = await handlePushWebhook({ appId, body, headers: request.headers });
  return Response.json(outcome, { status: outcome.status });
}
