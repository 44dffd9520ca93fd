import { Ship } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Ship aria-hidden className="size-4" />
      </span>
      Slipway
    </span>
  );
}
