import Link from "next/link";
import { AcceptInvitationButton } from "@/components/teams/accept-invitation-button";
import { Logo } from "@/components/shell/logo";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth";
import { roleLabel } from "@/server/roles";

export const metadata = { title: "Invitation" };

const ENDED = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked.",
  expired: "This invitation has expired.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([(await serverApi()).invitation.describe({ token }), getSessionUser()]);
  const here = `/invite/${token}`;

  let body: React.ReactNode;
  if (!invitation) {
    body = <CardDescription>This invitation link is not valid. Check that you copied all of it, or ask a team admin for a new one.</CardDescription>;
  } else if (invitation.state !== "pending") {
    body = <CardDescription>{ENDED[invitation.state]} Ask an admin of {invitation.team.name} for a new one if you still need access.</CardDescription>;
  } else if (!user) {
    body = (
      <div className="grid gap-3">
        <CardDescription>Sign in or create an account with <strong>{invitation.email}</strong> to join.</CardDescription>
        <Button asChild>
          <Link href={`/sign-up?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}>Create an account</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>I already have an account</Link>
        </Button>
      </div>
    );
  } else {
    body = <AcceptInvitationButton token={token} teamName={invitation.team.name} />;
  }

  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 bg-muted/40 px-4 py-12">
      <Logo className="text-lg" />
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>{invitation ? `Join ${invitation.team.name}` : "Invitation"}</CardTitle>
          {invitation?.state === "pending" && (
            <CardDescription>
              {invitation.invitedBy ?? "A team admin"} invited {invitation.email} as {roleLabel(invitation.role).toLowerCase()}.
            </CardDescription>
          )}
        </CardHeader>
        <CardContent>{body}</CardContent>
      </Card>
    </main>
  );
}
