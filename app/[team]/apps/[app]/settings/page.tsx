import { DeleteAppButton } from "@/components/apps/delete-app-button";
import { SettingsSection } from "@/components/forms/settings-section";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export default async function AppSettingsPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [team, app] = await Promise.all([loadForPage(api.team.get({ teamSlug })), loadForPage(api.app.get({ teamSlug, appId }))]);
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
      {hasRole(team.role, "ADMIN") && (
        <SettingsSection id="danger" title="Danger zone" description="Deleting an app removes it for everyone in the team." tone="danger">
          <DeleteAppButton teamSlug={teamSlug} app={app} projectName={app.environment.project.name} />
        </SettingsSection>
      )}
    </div>
  );
}
