/**
 * Where a log stream stands, so a viewer that lost its connection resumes without repeating or
 * skipping a line. It travels as the SSE event id (the browser sends it back as Last-Event-ID):
 *
 *   1.<t0>.<pod>/<container>=<ts>:<n>,…
 *
 * - t0: when the stream started following (seconds, base 36): a pod with nothing read yet is
 *   resumed from there;
 * - per pod and container, the timestamp of the last line handled (nanoseconds, base 36) and
 *   how many lines with exactly that timestamp were handled: lines written together often
 *   share one timestamp, so the timestamp alone cannot say where to continue.
 *
 * Pod names are written without the app's name in front, and the container is left out when it
 * is the app's own (named after the app), which keeps the id short. Pure.
 */
import { timestampFromNanos, timestampNanos } from "./log-line";

export interface LogPosition {
  ts: string;
  /** Lines with timestamp `ts` handled so far. */
  n: number;
}

export interface LogCursor {
  /** Seconds since the epoch. */
  startedAt: number;
  positions: Map<string, LogPosition>;
}

export const MAX_CURSOR_LENGTH = 8 * 1024;

/** The key of one container of one pod. */
export const sourceKey = (pod: string, container: string) => `${pod}/${container}`;

export function encodeCursor(cursor: LogCursor, appName: string): string {
  const parts: string[] = [];
  for (const [key, position] of cursor.positions) {
    const slash = key.lastIndexOf("/");
    const pod = key.slice(0, slash);
    const container = key.slice(slash + 1);
    const podPart = pod.startsWith(`${appName}-`) ? `~${pod.slice(appName.length + 1)}` : pod;
    const containerPart = container === appName ? "" : container;
    parts.push(`${podPart}/${containerPart}=${timestampNanos(position.ts).toString(36)}:${position.n.toString(36)}`);
  }
  return `1.${cursor.startedAt.toString(36)}.${parts.join(",")}`;
}

/** Null for anything that is not a cursor this server wrote (then the stream starts afresh). */
export function decodeCursor(value: string | null | undefined, appName: string): LogCursor | null {
  if (!value || value.length > MAX_CURSOR_LENGTH) return null;
  const match = /^1\.([0-9a-z]{1,10})\.(.*)$/.exec(value);
  if (!match) return null;
  const startedAt = Number.parseInt(match[1]!, 36);
  const positions = new Map<string, LogPosition>();
  if (match[2]) {
    for (const entry of match[2].split(",")) {
      const parsed = /^(~?[a-z0-9.-]{1,253})\/([a-z0-9-]{0,63})=([0-9a-z]{1,14}):([0-9a-z]{1,8})$/.exec(entry);
      if (!parsed) return null;
      const pod = parsed[1]!.startsWith("~") ? `${appName}-${parsed[1]!.slice(1)}` : parsed[1]!;
      const container = parsed[2] || appName;
      positions.set(sourceKey(pod, container), { ts: timestampFromNanos(parseBase36(parsed[3]!)), n: Number.parseInt(parsed[4]!, 36) });
    }
  }
  if (!Number.isFinite(startedAt)) return null;
  return { startedAt, positions };
}

function parseBase36(text: string): bigint {
  let value = 0n;
  for (const char of text) value = value * 36n + BigInt(Number.parseInt(char, 36));
  return value;
}

/**
 * Decides, line by line, what a re-read from an earlier point has already handled: lines
 * before the position, and the first `n` lines at its timestamp, are skipped; once a line
 * beyond it is seen, nothing more is (a clock that steps back later must not hide lines).
 */
export class ResumeFilter {
  private skipping: boolean;
  private atTs = 0;

  constructor(private readonly position: LogPosition | undefined) {
    this.skipping = position !== undefined;
  }

  /** True when the line was handled before and must be skipped. */
  seen(ts: string): boolean {
    if (!this.skipping || !this.position) return false;
    if (ts < this.position.ts) return true;
    if (ts === this.position.ts && this.atTs < this.position.n) {
      this.atTs += 1;
      return true;
    }
    this.skipping = false;
    return false;
  }
}

/** Moves a position past one more handled line. */
export function advance(position: LogPosition | undefined, ts: string): LogPosition {
  if (position && position.ts === ts) return { ts, n: position.n + 1 };
  return { ts, n: 1 };
}
