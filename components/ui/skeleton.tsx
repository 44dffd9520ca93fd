import { cn } from "./cn";

/** A placeholder block while data loads; size it like the content it stands in for. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden
      className={cn("animate-pulse rounded-md bg-foreground/[0.07] dark:bg-foreground/10", className)}
      {...props}
    />
  );
}
