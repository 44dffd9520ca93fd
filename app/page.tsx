import { redirect } from "next/navigation";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth";

/** The front door: a team's console, team creation for newcomers, or sign-in. */
export default async function Home() {
  if (!(await getSessionUser())) redirect("/sign-in");
  const teams = await (await serverApi()).team.list();
  redirect(teams[0] ? `/${teams[0].slug}` : "/new");
}
