"use client";

import { useMutation } from "@tanstack/react-query";
import { Hammer } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

/** Builds the head of the tracked branch now, and opens the build's page to watch it. */
export function StartBuildButton({ teamSlug, appId, disabled }: { teamSlug: string; appId: string; disabled?: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const start = useMutation(
    trpc.build.start.mutationOptions({
      onError: (error) => toast.error(error.message),
      onSuccess: (build) => router.push(`/${teamSlug}/apps/${appId}/builds/${build.id}`),
    }),
  );
  return (
    <Button onClick={() => start.mutate({ teamSlug, appId })} loading={start.isPending} disabled={disabled}>
      <Hammer aria-hidden /> Build now
    </Button>
  );
}
