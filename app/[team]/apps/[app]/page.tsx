import { GitBranch, Rocket } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";

export default async function AppOverviewPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const app = await loadForPage((await serverApi()).app.get({ teamSlug, appId }));
  return (
    <EmptyState
      icon={Rocket}
      title={`${app.name} has not been deployed yet`}
      description="Connect a git repository in the app's settings, then build and deploy it. Its status, URL, current release and rollout progress will show here."
      action={
        <Button asChild>
          <Link href={`/${teamSlug}/apps/${app.id}/settings`}>
            <GitBranch aria-hidden /> Connect a repository
          </Link>
        </Button>
      }
    />
  );
}
