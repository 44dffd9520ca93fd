import { notFound, redirect } from "next/navigation";
import { ConsoleShell } from "@/components/shell/console-shell";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth";

export default async function TeamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}`)}`);

  const api = await serverApi();
  const teams = await api.team.list();
  const current = teams.find((team) => team.slug === slug);
  if (!current) notFound();
  const projects = await loadForPage(api.project.list({ teamSlug: slug }));

  return (
    <ConsoleShell teams={teams} current={current} projects={projects} user={user}>
      {children}
    </ConsoleShell>
  );
}
