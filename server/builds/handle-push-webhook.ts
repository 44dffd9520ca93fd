import "server-only";
import { decryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { startBuild } from "@/server/builds/start-build";
import { parsePushEvent, verifyGitHubSignature, verifyGitLabToken } from "@/server/builds/webhook-signature";

export type WebhookOutcome =
  | { status: 401; message: string }
  | { status: 404; message: string }
  | { status: 400; message: string }
  | { status: 200; message: string; buildId?: string };

/**
 * A push notification from GitHub or GitLab for one app. The signature (GitHub) or token
 * (GitLab) must match the app's webhook secret; a delivery seen before is acknowledged and
 * ignored; a push to the tracked branch starts a build of exactly the pushed commit.
 */
export async function handlePushWebhook(input: { appId: string; body: string; headers: Headers }): Promise<WebhookOutcome> {
  const source = await db.appSource.findUnique({ where: { appId: input.appId }, select: { webhookSecretEncrypted: true, branch: true, url: true, app: { select: { teamId: true } } } });
  if (!source) return { status: 404, message: "No such app." };
  const secret = decryptSecret(source.webhookSecretEncrypted);

  const github = input.headers.get("x-github-event");
  const gitlab = input.headers.get("x-gitlab-event");
  let provider: "github" | "gitlab";
  let deliveryId: string | null;
  if (github) {
    if (!verifyGitHubSignature(secret, input.body, input.headers.get("x-hub-signature-256"))) return { status: 401, message: "Signature does not match." };
    provider = "github";
    deliveryId = input.headers.get("x-github-delivery");
    if (github === "ping") return { status: 200, message: "pong" };
    if (github !== "push") return { status: 200, message: `Ignored: ${github} events do not start builds.` };
  } else if (gitlab) {
    if (!verifyGitLabToken(secret, input.headers.get("x-gitlab-token"))) return { status: 401, message: "Token does not match." };
    provider = "gitlab";
    deliveryId = input.headers.get("x-gitlab-event-uuid") ?? input.headers.get("x-gitlab-webhook-uuid");
    if (gitlab !== "Push Hook") return { status: 200, message: `Ignored: ${gitlab} events do not start builds.` };
  } else {
    return { status: 400, message: "Not a GitHub or GitLab webhook." };
  }
  if (!deliveryId) return { status: 400, message: "The delivery has no id header." };

  let payload: unknown;
  try {
    payload = JSON.parse(input.body);
  } catch {
    return { status: 400, message: "The body is not JSON." };
  }

  try {
    await db.webhookDelivery.create({ data: { appId: input.appId, provider, deliveryId, outcome: "received" } });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 200, message: "Already handled this delivery." };
    throw error;
  }

  const push = parsePushEvent(payload);
  const record = (outcome: string, buildId?: string) =>
    db.webhookDelivery.update({ where: { appId_provider_deliveryId: { appId: input.appId, provider, deliveryId: deliveryId! } }, data: { outcome, buildId } });
  if (!push) {
    await record("ignored: not a branch push");
    return { status: 200, message: "Ignored: not a push to a branch." };
  }
  if (!source.url || push.branch !== source.branch) {
    await record(`ignored: branch ${push.branch}`);
    return { status: 200, message: `Ignored: the app tracks ${source.branch ?? "no branch"}, not ${push.branch}.` };
  }
  const build = await startBuild({
    teamId: source.app.teamId,
    appId: input.appId,
    trigger: "webhook",
    commit: { sha: push.commit, author: push.author, message: push.message },
    actor: null,
  });
  await record("build started", build.id);
  return { status: 200, message: `Build #${build.number} started.`, buildId: build.id };
}
