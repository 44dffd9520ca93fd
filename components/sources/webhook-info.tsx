import { CopyButton } from "@/components/ui/copy-button";

/** What to paste into GitHub or GitLab so that a push builds the app. */
export function WebhookInfo({ url, secret }: { url: string; secret: string | null }) {
  return (
    <div className="grid max-w-2xl gap-3 text-sm">
      <div className="grid gap-1">
        <span className="font-medium">Payload URL</span>
        <div className="flex items-center gap-2">
          <code data-testid="webhook-url" className="min-w-0 flex-1 truncate rounded border bg-muted/40 px-2 py-1 font-mono text-xs">{url}</code>
          <CopyButton value={url} label="Copy webhook URL" />
        </div>
      </div>
      <div className="grid gap-1">
        <span className="font-medium">Secret</span>
        {secret ? (
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded border bg-muted/40 px-2 py-1 font-mono text-xs">{secret}</code>
            <CopyButton value={secret} label="Copy webhook secret" />
          </div>
        ) : (
          <p className="text-muted-foreground">Only admins and owners can see the secret.</p>
        )}
      </div>
      <p className="text-muted-foreground">
        GitHub: Settings → Webhooks → Add webhook, content type <code>application/json</code>, the secret above, "Just the push event".
        GitLab: Settings → Webhooks, the secret as <em>Secret token</em>, trigger "Push events". A push to the tracked branch starts a build.
      </p>
    </div>
  );
}
