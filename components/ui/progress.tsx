"use client";

import { Progress as ProgressPrimitive } from "radix-ui";

import { cn } from "./cn";

const tones = {
  default: "bg-primary",
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
} as const;

type ProgressProps = React.ComponentProps<typeof ProgressPrimitive.Root> & {
  tone?: keyof typeof tones;
};

/**
 * A determinate bar (`value` of `max`, default 100). Give it an `aria-label`
 * or `aria-labelledby` so the number is announced with what it measures.
 */
export function Progress({ className, value, max = 100, tone = "default", ...props }: ProgressProps) {
  const clamped = value == null ? null : Math.min(Math.max(value, 0), max);
  const percent = clamped == null ? 0 : (clamped / max) * 100;
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={clamped}
      max={max}
      className={cn("relative h-1.5 w-full overflow-hidden rounded-full bg-foreground/10", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn("h-full w-full rounded-full transition-transform duration-300 ease-out", tones[tone])}
        style={{ transform: `translateX(-${100 - percent}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}
