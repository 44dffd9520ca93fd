import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { Logo } from "@/components/shell/logo";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth";

export const metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/new");
  const teams = await (await serverApi()).team.list();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 bg-muted/40 px-4 py-12">
      <Logo className="text-lg" />
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>{teams.length === 0 ? "Create your first team" : "Create a team"}</CardTitle>
          <CardDescription>
            A team owns projects, apps and clusters. You will be its owner and can invite others afterwards.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTeamForm />
        </CardContent>
      </Card>
      {teams.length > 0 && (
        <Link href={`/${teams[0]!.slug}`} className="text-sm text-muted-foreground hover:text-foreground">
          ← Back to {teams[0]!.name}
        </Link>
      )}
    </main>
  );
}
