import { DeleteAppButton } from "@/components/apps/delete-app-button";
import { SettingsSection } from "@/components/forms/settings-section";
import { RunSettingsForm } from "@/components/run-settings/run-settings-form";
import { BuildSettingsForm } from "@/components/sources/build-settings-form";
import { SourceForm } from "@/components/sources/source-form";
import { WebhookInfo } from "@/components/sources/webhook-info";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export default async function AppSettingsPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [team, app, source, run, releases] = await Promise.all([
    loadForPage(api.team.get({ teamSlug })),
    loadForPage(api.app.get({ teamSlug, appId })),
    loadForPage(api.source.get({ teamSlug, appId })),
    loadForPage(api.runSettings.get({ teamSlug, appId })),
    loadForPage(api.release.list({ teamSlug, appId })),
  ]);
  const canEdit = hasRole(team.role, "DEVELOPER");
  return (
    <div className="grid gap-2">
      <SettingsSection id="general" title="General" description="Where this app lives.">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted-foreground">Name</dt>
          <dd className="font-mono">{app.name}</dd>
          <dt className="text-muted-foreground">Project</dt>
          <dd>{app.environment.project.name}</dd>
          <dt className="text-muted-foreground">Environment</dt>
          <dd>{app.environment.name}</dd>
          <dt className="text-muted-foreground">App ID</dt>
          <dd className="font-mono text-xs">{app.id}</dd>
        </dl>
      </SettingsSection>
      <SettingsSection id="source" title="Source" description="The git repository and branch this app is built from. Slipway checks the URL and credentials with the git host before saving.">
        {canEdit ? (
          <SourceForm teamSlug={teamSlug} appId={app.id} source={source} />
        ) : (
          <p className="text-sm">{source.url ? <><span className="font-mono text-xs">{source.url}</span> · {source.branch}</> : "No repository connected."}</p>
        )}
      </SettingsSection>
      <SettingsSection id="build" title="Build" description="How the image is made. A slipway.yaml in the repository takes precedence over these settings.">
        <BuildSettingsForm teamSlug={teamSlug} appId={app.id} settings={source.buildSettings as never} readOnly={!canEdit} />
      </SettingsSection>
      <SettingsSection id="run" title="Run" description="How the app runs on the cluster: port, command, health check, size, environment, secrets, domains and volumes. slipway.yaml values from the repository take precedence at deploy time.">
        <RunSettingsForm teamSlug={teamSlug} appId={app.id} settings={run.settings} secrets={run.secrets} canReadSecrets={run.canReadSecrets} hasRelease={releases.length > 0} readOnly={!canEdit} />
      </SettingsSection>
      <SettingsSection id="webhook" title="Webhook" description="Build on every push to the tracked branch.">
        <WebhookInfo url={source.webhook.url} secret={source.webhook.secret} />
      </SettingsSection>
      {hasRole(team.role, "ADMIN") && (
        <SettingsSection id="danger" title="Danger zone" description="Deleting an app removes it for everyone in the team." tone="danger">
          <DeleteAppButton teamSlug={teamSlug} app={app} projectName={app.environment.project.name} />
        </SettingsSection>
      )}
    </div>
  );
}
