import { BuildLiveView } from "@/components/builds/build-live-view";
import { LayerBar } from "@/components/builds/layer-bar";
import { EffectiveSettings } from "@/components/builds/effective-settings";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export default async function BuildPage({ params }: { params: Promise<{ team: string; app: string; buildId: string }> }) {
  const { team: teamSlug, buildId } = await params;
  const api = await serverApi();
  const [team, build] = await Promise.all([loadForPage(api.team.get({ teamSlug })), loadForPage(api.build.get({ teamSlug, buildId }))]);

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h2 className="text-lg font-semibold">Build #{build.number}</h2>
        <p className="text-sm text-muted-foreground">
          <code className="font-mono text-xs">{build.commitSha.slice(0, 12)}</code> on <code className="font-mono text-xs">{build.branch}</code>
          {build.commitAuthor && <> by {build.commitAuthor}</>}
          {build.commitMessage && <> — {build.commitMessage.split("\n")[0]}</>}
        </p>
      </div>
      <BuildLiveView
        key={build.status}
        teamSlug={teamSlug}
        buildId={build.id}
        canCancel={hasRole(team.role, "DEVELOPER")}
        initial={{
          status: build.status,
          steps: build.steps,
          imageDigest: build.imageDigest,
          imageReference: build.imageReference,
          errorMessage: build.errorMessage,
          startedAt: build.startedAt?.toISOString() ?? null,
          finishedAt: build.finishedAt?.toISOString() ?? null,
        }}
      />
      {build.layers && (
        <Card>
          <CardHeader>
            <CardTitle>Image layers</CardTitle>
            <CardDescription>Layers shared with the base image and reused from the previous build are stored and pushed once.</CardDescription>
          </CardHeader>
          <CardContent><LayerBar comparison={build.layers} /></CardContent>
        </Card>
      )}
      {build.settings && (
        <Card>
          <CardHeader>
            <CardTitle>Effective settings</CardTitle>
            <CardDescription>
              {build.detected?.summary}
              {build.detected?.slipwayYaml ? ` — merged from ${build.detected.slipwayYaml} and the app's settings.` : "."}
            </CardDescription>
          </CardHeader>
          <CardContent><EffectiveSettings settings={build.settings} /></CardContent>
        </Card>
      )}
    </div>
  );
}
