/**
 * The namespace of one project environment: `<team>-<project>-<environment>`, readable in
 * kubectl. Kubernetes caps namespace names at 63 characters; longer names are cut and end with a
 * hash of the three ids, so they stay unique and stable across renames of nothing but the
 * display name. Two different triples can still meet ("a-b"/"c" and "a"/"b-c"): ensureNamespace
 * refuses a namespace labelled for someone else, so such a clash fails loudly, never silently.
 */
import { createHash } from "node:crypto";

const MAX_NAMESPACE = 63;
const HASH_LENGTH = 8;

export function namespaceFor(team: { id: string; slug: string }, project: { id: string; name: string }, environment: { id: string; name: string }): string {
  const name = `${team.slug}-${project.name}-${environment.name}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  if (name.length <= MAX_NAMESPACE) return name;
  const hash = createHash("sha256").update(`${team.id}/${project.id}/${environment.id}`).digest("hex").slice(0, HASH_LENGTH);
  const head = name.slice(0, MAX_NAMESPACE - HASH_LENGTH - 1).replace(/-+$/, "");
  return `${head}-${hash}`;
}
