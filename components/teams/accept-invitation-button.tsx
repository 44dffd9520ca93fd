"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/forms/form-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

export function AcceptInvitationButton({ token, teamName }: { token: string; teamName: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ teamSlug }) => {
        router.push(`/${teamSlug}`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="grid gap-3">
      <FormError message={accept.error?.message} />
      <Button onClick={() => accept.mutate({ token })} loading={accept.isPending}>
        Join {teamName}
      </Button>
    </div>
  );
}
