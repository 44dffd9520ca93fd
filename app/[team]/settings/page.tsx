import { SettingsSection } from "@/components/forms/settings-section";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { MembersTable } from "@/components/members/members-table";
import { PendingInvitations } from "@/components/members/pending-invitations";
import { RegistryForm } from "@/components/registries/registry-form";
import { ClustersSection } from "@/components/clusters/clusters-section";
import { DeleteTeamButton } from "@/components/teams/delete-team-button";
import { RenameTeamForm } from "@/components/teams/rename-team-form";
import { PageHeader } from "@/components/ui/page-header";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth";
import { hasRole } from "@/server/roles";

export const metadata = { title: "Team settings" };

export default async function TeamSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: teamSlug } = await params;
  const api = await serverApi();
  const [team, members, user] = await Promise.all([
    loadForPage(api.team.get({ teamSlug })),
    loadForPage(api.member.list({ teamSlug })),
    getSessionUser(),
  ]);
  const isAdmin = hasRole(team.role, "ADMIN");
  const [invitations, registry, clusters] = isAdmin
    ? await Promise.all([api.invitation.list({ teamSlug }), api.registry.get({ teamSlug }), api.cluster.list({ teamSlug })])
    : [[], null, []];

  return (
    <>
      <PageHeader title="Team settings" description={isAdmin ? "Name, members and roles." : "Members of this team. Only admins and owners can change them."} />
      {isAdmin && (
        <SettingsSection id="general" title="General" description="The team's name and the address of its console.">
          <RenameTeamForm team={team} />
        </SettingsSection>
      )}
      <SettingsSection id="members" title="Members" description="Owners manage everything; admins manage members and settings; developers deploy; viewers read.">
        <MembersTable teamSlug={teamSlug} members={members} currentUserId={user!.id} actorRole={team.role} />
      </SettingsSection>
      {isAdmin && (
        <SettingsSection id="invitations" title="Invitations" description="Invite by e-mail. The link is shown here to share, and e-mailed when SMTP is configured.">
          <div className="grid gap-6">
            <InviteMemberForm teamSlug={teamSlug} actorRole={team.role} />
            <PendingInvitations teamSlug={teamSlug} invitations={invitations} />
          </div>
        </SettingsSection>
      )}
      {registry && (
        <SettingsSection id="registry" title="Registry" description="Where this team's images are pushed. Credentials are stored encrypted.">
          <RegistryForm teamSlug={teamSlug} registry={registry} />
        </SettingsSection>
      )}
      {isAdmin && (
        <SettingsSection id="clusters" title="Clusters" description="Kubernetes clusters this team deploys to, by kubeconfig. Stored encrypted.">
          <ClustersSection teamSlug={teamSlug} clusters={clusters} />
        </SettingsSection>
      )}
      {team.role === "OWNER" && (
        <SettingsSection id="danger" title="Danger zone" description="Deleting a team cannot be undone." tone="danger">
          <DeleteTeamButton team={team} />
        </SettingsSection>
      )}
    </>
  );
}
