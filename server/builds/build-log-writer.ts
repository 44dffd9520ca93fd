import "server-only";
import { formatBytes } from "@/server/build/build-log";
import { db } from "@/server/db";
import { publish } from "@/server/events/pg-events";

// One line can be arbitrarily long (minified output, progress bars without newlines).
const MAX_LINE_BYTES = 8 * 1024;
const FLUSH_MS = 100;
const TAIL_LINES = 200;

export type LogStream = "stdout" | "stderr" | "system";

/**
 * Build output on its way to the database, where every web process can stream it from. Lines
 * are written in small batches (every 100 ms) and announced with a notification. The kept log is
 * capped: past `maxBytes`, lines are no longer stored while the build runs — a notice says so —
 * and the last lines are added when it ends, with how much was left out.
 */
export function createBuildLogWriter(buildId: string, maxBytes: number) {
  let seq = 0;
  let bytes = 0;
  let pending: { buildId: string; seq: number; stream: string; text: string }[] = [];
  let capped = false;
  let omittedLines = 0;
  let omittedBytes = 0;
  const tail: { stream: LogStream; text: string }[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  function keep(stream: LogStream, text: string) {
    seq += 1;
    pending.push({ buildId, seq, stream, text });
    if (!timer) timer = setTimeout(() => void flush(), FLUSH_MS);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return flushing;
    flushing = flushing.then(async () => {
      await db.buildLogLine.createMany({ data: batch });
      await db.build.update({ where: { id: buildId }, data: { logBytes: bytes, logLines: seq } });
      await publish("build", buildId);
    });
    return flushing;
  }

  return {
    write(stream: LogStream, raw: string) {
      let text = raw.replace(/\r?\n$/, "");
      if (Buffer.byteLength(text) > MAX_LINE_BYTES) text = `${Buffer.from(text).subarray(0, MAX_LINE_BYTES).toString("utf8")} … (line truncated)`;
      const size = Buffer.byteLength(text) + 1;
      if (!capped && bytes + size > maxBytes) {
        capped = true;
        keep("system", `… the build printed more than the log keeps (${formatBytes(maxBytes)}); the last lines will be added when it ends …`);
      }
      if (capped) {
        omittedLines += 1;
        omittedBytes += size;
        tail.push({ stream, text });
        if (tail.length > TAIL_LINES) tail.shift();
        return;
      }
      bytes += size;
      keep(stream, text);
    },
    /** Writes what is pending (and the kept tail of a capped log); call once, when the build ends. */
    async close() {
      if (capped) {
        const shown = tail.length;
        const left = omittedLines - shown;
        keep("system", `… ${left.toLocaleString("en-US")} lines (${formatBytes(Math.max(0, omittedBytes - tail.reduce((sum, line) => sum + Buffer.byteLength(line.text) + 1, 0)))}) omitted; the last ${shown} lines follow …`);
        for (const line of tail) keep(line.stream, line.text);
      }
      await flush();
    },
    get lines() {
      return seq;
    },
  };
}
