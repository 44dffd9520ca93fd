import { createHmac, timingSafeEqual } from "node:crypto";

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, compared in constant time. */
export function verifyGitHubSignature(secret: string, body: string, header: string | null): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** GitLab: `X-Gitlab-Token` carries the secret itself. */
export function verifyGitLabToken(secret: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(secret);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface PushEvent {
  branch: string;
  commit: string;
  author?: string;
  message?: string;
}

/** The branch and head commit of a GitHub or GitLab push payload; null for anything else (tags, deletions). */
export function parsePushEvent(payload: unknown): PushEvent | null {
  const body = payload as {
    ref?: string; after?: string; checkout_sha?: string | null; deleted?: boolean;
    head_commit?: { message?: string; author?: { name?: string } } | null;
    commits?: { id?: string; message?: string; author?: { name?: string } }[];
  };
  if (typeof body?.ref !== "string" || !body.ref.startsWith("refs/heads/") || body.deleted) return null;
  const commit = body.checkout_sha ?? body.after;
  if (!commit || !/^[0-9a-f]{40}$/.test(commit) || /^0+$/.test(commit)) return null;
  const head = body.head_commit ?? body.commits?.find((entry) => entry.id === commit);
  return { branch: body.ref.slice("refs/heads/".length), commit, author: head?.author?.name, message: head?.message };
}
