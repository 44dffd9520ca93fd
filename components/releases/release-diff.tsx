import { Badge } from "@/components/ui/badge";
import type { ReleaseDiff } from "@/server/cluster";

interface Preview {
  image: { from: string | null; to: string };
  settingsChanges: string[];
  objects: ReleaseDiff | null;
  objectsError: string | null;
}

const ACTION_LOOK = {
  create: { label: "create", variant: "success" },
  update: { label: "update", variant: "warning" },
  delete: { label: "delete", variant: "destructive" },
  keep: { label: "keep", variant: "outline" },
  unchanged: { label: "unchanged", variant: "outline" },
} as const;

function short(image: string | null): string {
  if (!image) return "—";
  const [repository, digest] = image.split("@");
  return `${repository?.split("/").slice(-1)[0]}@${digest?.slice(0, 19)}`;
}

function show(value: unknown): string {
  if (value === undefined) return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** What a deploy or rollback changes: image, settings keys, and the server's dry run per object. */
export function ReleaseDiffView({ preview }: { preview: Preview }) {
  const changed = preview.objects?.objects.filter((object) => object.action !== "unchanged") ?? [];
  return (
    <div className="grid gap-4 text-sm">
      <section className="grid gap-1">
        <h3 className="font-medium">Image</h3>
        {preview.image.from === preview.image.to ? (
          <p className="text-muted-foreground">Unchanged: <code className="font-mono text-xs">{short(preview.image.to)}</code></p>
        ) : (
          <p data-testid="diff-image" className="grid gap-0.5 font-mono text-xs">
            <span className="text-destructive">− {short(preview.image.from)}</span>
            <span className="text-success">+ {short(preview.image.to)}</span>
          </p>
        )}
      </section>
      <section className="grid gap-1">
        <h3 className="font-medium">Settings</h3>
        {preview.settingsChanges.length === 0 ? (
          <p className="text-muted-foreground">No settings change.</p>
        ) : (
          <ul data-testid="diff-settings" className="flex flex-wrap gap-1.5">
            {preview.settingsChanges.map((change) => <li key={change}><Badge variant="secondary">{change}</Badge></li>)}
          </ul>
        )}
      </section>
      <section className="grid gap-1">
        <h3 className="font-medium">Kubernetes objects <span className="font-normal text-muted-foreground">(server-side dry run)</span></h3>
        {preview.objectsError ? (
          <p className="text-warning">{preview.objectsError}</p>
        ) : changed.length === 0 ? (
          <p className="text-muted-foreground">Nothing would change on the cluster.</p>
        ) : (
          <ul data-testid="diff-objects" className="grid max-h-64 gap-2 overflow-auto rounded-md border p-2">
            {changed.map((object) => (
              <li key={`${object.kind}/${object.name}`} className="grid gap-1">
                <span className="flex items-center gap-2">
                  <Badge variant={ACTION_LOOK[object.action].variant}>{ACTION_LOOK[object.action].label}</Badge>
                  <span className="font-mono text-xs">{object.kind}/{object.name}</span>
                </span>
                {object.changes.length > 0 && (
                  <ul className="ml-2 grid gap-0.5 border-l pl-3 font-mono text-[11px]">
                    {object.changes.slice(0, 12).map((change) => (
                      <li key={change.path} className="break-all">
                        <span className="text-muted-foreground">{change.path}</span>: <span className="text-destructive">{show(change.before)}</span> → <span className="text-success">{show(change.after)}</span>
                      </li>
                    ))}
                    {object.changes.length > 12 && <li className="text-muted-foreground">… {object.changes.length - 12} more</li>}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
