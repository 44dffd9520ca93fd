import { Check, CircleDashed, Loader2, Minus, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { formatDuration } from "@/components/builds/build-status";
import type { BuildStepState } from "@/server/builds/build-steps";

const LABEL: Record<BuildStepState["step"], string> = { clone: "Clone", detect: "Detect", build: "Build", test: "Test", push: "Push" };

/** clone → detect → build → test → push, each with its state and how long it took. */
export function StepIndicator({ steps, now }: { steps: BuildStepState[]; now: number }) {
  return (
    <ol aria-label="Build steps" className="grid grid-cols-5 gap-2">
      {steps.map((state) => {
        const running = state.status === "running";
        const duration = running && state.startedAt ? now - Date.parse(state.startedAt) : state.durationMs;
        return (
          <li
            key={state.step}
            data-testid={`step-${state.step}`}
            data-status={state.status}
            className={cn(
              "flex items-center gap-2 rounded-md border px-3 py-2 text-sm",
              running && "border-primary/50 bg-primary/5",
              state.status === "failed" && "border-destructive/50 bg-destructive/5",
            )}
          >
            <span aria-hidden className="shrink-0">
              {state.status === "succeeded" && <Check className="size-4 text-success" />}
              {state.status === "failed" && <X className="size-4 text-destructive" />}
              {running && <Loader2 className="size-4 animate-spin text-primary" />}
              {state.status === "pending" && <CircleDashed className="size-4 text-muted-foreground" />}
              {state.status === "skipped" && <Minus className="size-4 text-muted-foreground" />}
            </span>
            <span className="grid min-w-0">
              <span className="font-medium">{LABEL[state.step]}</span>
              <span className="text-xs text-muted-foreground">
                <span className="sr-only">{state.status}: </span>
                {state.status === "skipped" ? "skipped" : state.status === "pending" ? "waiting" : formatDuration(duration)}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
