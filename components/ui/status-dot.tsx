import { cn } from "./cn";

export type Status = "ok" | "progress" | "warning" | "error" | "idle";

const dotColour: Record<Status, string> = {
  ok: "bg-status-ok",
  progress: "bg-status-progress",
  warning: "bg-status-warning",
  error: "bg-status-error",
  idle: "bg-status-idle",
};

const defaultLabel: Record<Status, string> = {
  ok: "Healthy",
  progress: "In progress",
  warning: "Degraded",
  error: "Failed",
  idle: "Idle",
};

type StatusDotProps = Omit<React.ComponentProps<"span">, "children"> & {
  status: Status;
  /** Words for the state ("Running", "Building", "Crash loop"). Always read by screen readers. */
  label?: string;
  /** Show the label next to the dot; otherwise it is only announced (and shown on hover). */
  showLabel?: boolean;
};

/** A coloured dot for app/pod/build state; never colour alone: the label carries the meaning. */
export function StatusDot({
  status,
  label = defaultLabel[status],
  showLabel = false,
  className,
  ...props
}: StatusDotProps) {
  return (
    <span
      data-slot="status-dot"
      data-status={status}
      title={showLabel ? undefined : label}
      className={cn("inline-flex items-center gap-1.5 align-middle", className)}
      {...props}
    >
      <span aria-hidden className="relative inline-flex size-2 shrink-0">
        {status === "progress" && (
          <span className={cn("absolute inset-0 animate-ping rounded-full opacity-60", dotColour[status])} />
        )}
        <span
          className={cn(
            "relative inline-flex size-2 rounded-full",
            dotColour[status],
            status === "idle" && "bg-transparent ring-[1.5px] ring-status-idle ring-inset",
          )}
        />
      </span>
      <span className={cn(showLabel ? "text-sm" : "sr-only")}>{label}</span>
    </span>
  );
}
