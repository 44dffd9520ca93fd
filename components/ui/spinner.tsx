import { LoaderCircle } from "lucide-react";

import { cn } from "./cn";

type SpinnerProps = React.ComponentProps<"svg"> & {
  /** Announced to screen readers. Pass `null` when the surrounding control already says it is busy. */
  label?: string | null;
};

/** An indeterminate loading indicator sized like an icon (1rem by default). */
export function Spinner({ label = "Loading", className, ...props }: SpinnerProps) {
  const a11y =
    label === null
      ? ({ "aria-hidden": true } as const)
      : ({ role: "status", "aria-label": label } as const);
  return (
    <LoaderCircle
      data-slot="spinner"
      {...a11y}
      className={cn("size-4 shrink-0 animate-spin", className)}
      {...props}
    />
  );
}
