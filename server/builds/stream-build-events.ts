import "server-only";
import { db } from "@/server/db";
import { waitForEvent } from "@/server/events/pg-events";
import { readBuildLog } from "@/server/builds/read-build-log";

const FINISHED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export type BuildStreamEvent =
  | { kind: "line"; seq: number; stream: string; text: string }
  | { kind: "state"; state: unknown }
  | { kind: "end" };

/**
 * A build's live events: log lines after `afterSeq` (so a reconnect neither repeats nor skips),
 * then its state (status, steps, image) whenever it changes, until it ends. Wakes on the
 * worker's notifications rather than polling.
 */
export async function* streamBuildEvents({ buildId, afterSeq, signal }: { buildId: string; afterSeq: number; signal: AbortSignal }): AsyncGenerator<BuildStreamEvent> {
  let seq = afterSeq;
  let lastState = "";
  while (!signal.aborted) {
    const lines = await readBuildLog({ buildId, afterSeq: seq });
    for (const line of lines) {
      seq = line.seq;
      yield { kind: "line", ...line };
    }
    const state = await db.build.findUnique({
      where: { id: buildId },
      select: { status: true, steps: true, imageDigest: true, imageReference: true, errorMessage: true, startedAt: true, finishedAt: true, logLines: true },
    });
    if (!state) return;
    const serialized = JSON.stringify(state);
    if (serialized !== lastState) {
      lastState = serialized;
      yield { kind: "state", state };
    }
    // Finished, and every kept line sent: the stream is complete.
    if (FINISHED.has(state.status) && seq >= state.logLines) {
      yield { kind: "end" };
      return;
    }
    if (lines.length === 0) await waitForEvent("build", buildId, 2_000, signal);
  }
}
