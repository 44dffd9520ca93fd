/**
 * The kept build log. A build can print without bound (a test suite in a loop, a verbose
 * compiler); the log keeps the first and the last part, which is where the cause of a failure
 * usually is, and says how much was left out in between. Lines are redacted before they are kept.
 */
import { buildConfig } from "./build-config";
import type { Redactor } from "./redact-secrets";

// One line can be arbitrarily long (minified output, a progress bar without newlines).
const MAX_LINE_BYTES = 8 * 1024;

export interface BuildLog {
  /** Adds one line (without its newline). */
  append(line: string): void;
  /** The kept lines, with the omission notice in place of what was dropped. */
  lines(): string[];
  /** The kept log as one string, newline-terminated lines. */
  text(): string;
  readonly totalLines: number;
  readonly omittedLines: number;
  readonly omittedBytes: number;
}

export function createBuildLog(options: { maxBytes?: number; redact?: Redactor } = {}): BuildLog {
  const maxBytes = Math.max(1024, options.maxBytes ?? buildConfig().buildLogMaxBytes);
  const redact = options.redact ?? ((text: string) => text);
  // The head keeps the first half of the budget, the tail the most recent second half.
  const headBudget = Math.floor(maxBytes / 2);
  const tailBudget = maxBytes - headBudget;

  const head: string[] = [];
  let headBytes = 0;
  let headFull = false;
  const tail: string[] = [];
  const tailSizes: number[] = [];
  let tailStart = 0; // index of the oldest kept tail line: shifting an array per line would be O(n²)
  let tailBytes = 0;
  let totalLines = 0;
  let omittedLines = 0;
  let omittedBytes = 0;

  function append(raw: string): void {
    let line = redact(raw.replace(/\r?\n$/, ""));
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
      line = `${Buffer.from(line).subarray(0, MAX_LINE_BYTES).toString("utf8").replace(/\uFFFD$/, "")} … (line truncated)`;
    }
    const size = Buffer.byteLength(line) + 1;
    totalLines += 1;
    if (!headFull && headBytes + size <= headBudget) {
      head.push(line);
      headBytes += size;
      return;
    }
    headFull = true;
    tail.push(line);
    tailSizes.push(size);
    tailBytes += size;
    while (tailBytes > tailBudget && tailStart < tail.length - 1) {
      tailBytes -= tailSizes[tailStart]!;
      omittedBytes += tailSizes[tailStart]!;
      omittedLines += 1;
      tailStart += 1;
    }
    if (tailStart > 4096 && tailStart > tail.length / 2) {
      tail.splice(0, tailStart);
      tailSizes.splice(0, tailStart);
      tailStart = 0;
    }
  }

  function lines(): string[] {
    const kept = tail.slice(tailStart);
    if (omittedLines === 0) return [...head, ...kept];
    return [...head, omissionNotice(omittedLines, omittedBytes, maxBytes), ...kept];
  }

  return {
    append,
    lines,
    text: () => lines().map((line) => `${line}\n`).join(""),
    get totalLines() {
      return totalLines;
    },
    get omittedLines() {
      return omittedLines;
    },
    get omittedBytes() {
      return omittedBytes;
    },
  };
}

function omissionNotice(lines: number, bytes: number, maxBytes: number): string {
  const count = `${lines.toLocaleString("en-US")} line${lines === 1 ? "" : "s"}`;
  return `… ${count} (${formatBytes(bytes)}) omitted: the build printed more than the log keeps (${formatBytes(maxBytes)}) …`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
