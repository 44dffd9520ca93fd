import { History, Undo2 } from "lucide-react";
import { ReleaseActionDialog } from "@/components/releases/release-action-dialog";
import { ReleaseStatusBadge, timeAgo } from "@/components/releases/release-status";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export const metadata = { title: "Releases" };

export default async function ReleasesPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [team, releases] = await Promise.all([loadForPage(api.team.get({ teamSlug })), loadForPage(api.release.list({ teamSlug, appId }))]);
  const canRollBack = hasRole(team.role, "DEVELOPER");
  if (releases.length === 0) {
    return <EmptyState icon={History} title="No releases yet" description="Every deploy, settings change and rollback becomes a numbered release here, v1, v2, …, and any of them can be rolled back to." />;
  }
  const newest = releases[0]!.version;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Release</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>What</TableHead>
          <TableHead>Image</TableHead>
          <TableHead>By</TableHead>
          <TableHead className="text-right"><span className="sr-only">Actions</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {releases.map((release) => (
          <TableRow key={release.id} data-testid={`release-v${release.version}`}>
            <TableCell className="font-medium">v{release.version}</TableCell>
            <TableCell>
              <ReleaseStatusBadge status={release.status} />
              {release.statusMessage && release.status === "FAILED" && <div className="mt-1 max-w-56 text-xs text-destructive">{release.statusMessage}</div>}
            </TableCell>
            <TableCell className="max-w-72"><span className="line-clamp-2">{release.description}</span></TableCell>
            <TableCell className="font-mono text-xs">{release.imageReference.split("@")[1]?.slice(0, 19)}</TableCell>
            <TableCell className="text-sm">
              {release.createdByEmail}
              <div className="text-xs text-muted-foreground">{timeAgo(release.createdAt)}</div>
            </TableCell>
            <TableCell className="text-right">
              {canRollBack && release.version !== newest && (
                <ReleaseActionDialog
                  teamSlug={teamSlug}
                  appId={appId}
                  target={{ kind: "rollback", version: release.version }}
                  confirmLabel={`Roll back to v${release.version}`}
                  trigger={<Button size="sm" variant="outline" aria-label={`Roll back to v${release.version}`}><Undo2 aria-hidden /> Roll back</Button>}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
