"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { roleLabel, type Role } from "@/server/roles";

interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  invitedBy: { email: string } | null;
}

export function PendingInvitations({ teamSlug, invitations }: { teamSlug: string; invitations: Invitation[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSuccess: () => { toast.success("Invitation revoked."); router.refresh(); },
    }),
  );
  if (invitations.length === 0) return <p className="text-sm text-muted-foreground">No pending invitations.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>E-mail</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead className="text-right"><span className="sr-only">Actions</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id}>
            <TableCell>{invitation.email}</TableCell>
            <TableCell>{roleLabel(invitation.role)}</TableCell>
            <TableCell className="text-muted-foreground">{invitation.expiresAt.toLocaleDateString()}</TableCell>
            <TableCell className="text-right">
              <Button size="sm" variant="ghost" loading={revoke.isPending && revoke.variables?.invitationId === invitation.id} onClick={() => revoke.mutate({ teamSlug, invitationId: invitation.id })}>
                Revoke
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
