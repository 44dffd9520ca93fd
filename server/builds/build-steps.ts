/** The steps of a build as the step indicator shows them; stored as JSON on the build row. */
export const BUILD_STEPS = ["clone", "detect", "build", "test", "push"] as const;
export type BuildStepName = (typeof BUILD_STEPS)[number];
export type BuildStepStatus = "pending" | "running" | "succeeded" | "failed" | "skipped";

export interface BuildStepState {
  step: BuildStepName;
  status: BuildStepStatus;
  startedAt?: string;
  durationMs?: number;
}

export function initialSteps(): BuildStepState[] {
  return BUILD_STEPS.map((step) => ({ step, status: "pending" }));
}

/** Steps still running or pending when a build ends without finishing them. */
export function closeSteps(steps: BuildStepState[], outcome: "failed" | "skipped", now = Date.now()): BuildStepState[] {
  return steps.map((state) =>
    state.status === "running"
      ? { ...state, status: outcome, durationMs: state.startedAt ? now - Date.parse(state.startedAt) : undefined }
      : state.status === "pending"
        ? { ...state, status: "skipped" }
        : state,
  );
}
