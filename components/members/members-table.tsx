"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { RoleSelect } from "@/components/members/role-select";
import { hasRole, roleLabel, ROLES, type Role } from "@/server/roles";

interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** Members and their roles; admins change roles and remove people, only owners touch owners. */
export function MembersTable({ teamSlug, members, currentUserId, actorRole }: { teamSlug: string; members: Member[]; currentUserId: string; actorRole: Role }) {
  const router = useRouter();
  const trpc = useTRPC();
  const onError = (error: { message: string }) => toast.error(error.message);
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions({ onError, onSuccess: () => { toast.success("Role changed."); router.refresh(); } }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onError, onSuccess: () => { toast.success("Member removed."); router.refresh(); } }));
  const leave = useMutation(trpc.member.leave.mutationOptions({ onError, onSuccess: () => { router.push("/"); router.refresh(); } }));

  const canManage = hasRole(actorRole, "ADMIN");
  const grantable = actorRole === "OWNER" ? ROLES : ROLES.filter((role) => role !== "OWNER");

  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Member</TableHead>
          <TableHead>Role</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const isSelf = member.userId === currentUserId;
          const editable = canManage && !isSelf && (actorRole === "OWNER" || member.role !== "OWNER");
          return (
            <TableRow key={member.id} data-testid={`member-${member.email}`}>
              <TableCell>
                <div className="flex items-center gap-2.5">
                  <Avatar name={member.name} size="sm" />
                  <div className="grid">
                    <span className="font-medium">
                      {member.name} {isSelf && <Badge variant="outline">you</Badge>}
                    </span>
                    <span className="text-xs text-muted-foreground">{member.email}</span>
                  </div>
                </div>
              </TableCell>
              <TableCell>
                {editable ? (
                  <RoleSelect
                    size="sm"
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    allowed={grantable}
                    disabled={changeRole.isPending}
                    onChange={(role) => changeRole.mutate({ teamSlug, membershipId: member.id, role })}
                  />
                ) : (
                  <span className="text-sm">{roleLabel(member.role)}</span>
                )}
              </TableCell>
              <TableCell className="text-right">
                {isSelf ? (
                  <Button size="sm" variant="ghost" loading={leave.isPending} onClick={() => leave.mutate({ teamSlug })}>
                    Leave team
                  </Button>
                ) : editable ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-destructive"
                    loading={remove.isPending && remove.variables?.membershipId === member.id}
                    onClick={() => remove.mutate({ teamSlug, membershipId: member.id })}
                  >
                    Remove
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
