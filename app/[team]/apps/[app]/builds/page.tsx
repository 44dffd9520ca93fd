import { GitBranch, Hammer } from "lucide-react";
import Link from "next/link";
import { BuildStatusBadge, buildDuration, formatDuration } from "@/components/builds/build-status";
import { StartBuildButton } from "@/components/builds/start-build-button";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export const metadata = { title: "Builds" };

export default async function BuildsPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [team, source, builds] = await Promise.all([
    loadForPage(api.team.get({ teamSlug })),
    loadForPage(api.source.get({ teamSlug, appId })),
    loadForPage(api.build.list({ teamSlug, appId })),
  ]);
  const canBuild = hasRole(team.role, "DEVELOPER");
  const connected = Boolean(source.url && source.branch);

  if (!connected) {
    return (
      <EmptyState
        icon={GitBranch}
        title="No repository connected"
        description="Connect a git repository and pick a branch; then every build turns one exact commit of it into an image."
        action={<Button asChild><Link href={`/${teamSlug}/apps/${appId}/settings#source`}>Connect a repository</Link></Button>}
      />
    );
  }

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Builds of <code className="font-mono text-xs">{source.branch}</code> from <span className="font-mono text-xs">{source.url}</span>
        </p>
        {canBuild && <StartBuildButton teamSlug={teamSlug} appId={appId} />}
      </div>
      {builds.length === 0 ? (
        <EmptyState icon={Hammer} title="No builds yet" description={canBuild ? "Build the branch's latest commit now, or push to it with the webhook set up." : "Nobody has built this app yet."} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Build</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Commit</TableHead>
              <TableHead>Duration</TableHead>
              <TableHead>Image</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {builds.map((build) => (
              <TableRow key={build.id}>
                <TableCell>
                  <Link href={`/${teamSlug}/apps/${appId}/builds/${build.id}`} className="font-medium hover:underline">#{build.number}</Link>
                  <div className="text-xs text-muted-foreground">{build.trigger === "webhook" ? "push" : "manual"} · {build.queuedAt.toISOString().slice(0, 16).replace("T", " ")}</div>
                </TableCell>
                <TableCell><BuildStatusBadge status={build.status} /></TableCell>
                <TableCell className="max-w-72">
                  <div className="truncate">
                    <code className="font-mono text-xs">{build.commitSha.slice(0, 8)}</code>{" "}
                    <span>{build.commitMessage?.split("\n")[0] ?? ""}</span>
                  </div>
                  <div className="truncate text-xs text-muted-foreground">{build.commitAuthor ?? "—"}</div>
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatDuration(buildDuration(build))}</TableCell>
                <TableCell className="font-mono text-xs">{build.imageDigest ? build.imageDigest.slice(0, 19) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
