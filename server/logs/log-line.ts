/**
 * Lines of a container log as the API server sends them with `timestamps=true`:
 * `2026-11-28T01:28:53.123456789Z text`. The kubelet prints RFC 3339 with nanoseconds and drops
 * trailing zeros, so timestamps are normalized to nine digits here: then comparing two of them
 * as strings compares the instants, which is what resuming and merging pods rely on. Pure.
 */

/** A line longer than this is cut (with a note): one runaway line must not fill the server's memory. */
export const MAX_LINE_CHARS = 64 * 1024;

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** "2026-11-28T01:28:53.1Z" → "2026-11-28T01:28:53.100000000Z"; null when it is not a timestamp. */
export function normalizeTimestamp(value: string): string | null {
  const match = RFC3339.exec(value);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(9, "0");
  if (match[3] === "Z") return `${match[1]}.${fraction}Z`;
  // Not UTC (the kubelet always writes UTC, but be safe): convert, keeping the sub-millisecond digits.
  const date = new Date(`${match[1]}${match[3]}`);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, 19)}.${fraction}Z`;
}

export interface TimestampedText {
  /** Normalized (nine fraction digits, UTC). */
  ts: string;
  text: string;
}

/** Splits the API server's timestamp from the text; a line without one gets `fallbackTs`. */
export function parseLogLine(raw: string, fallbackTs: string): TimestampedText {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const space = line.indexOf(" ");
  const ts = space > 0 ? normalizeTimestamp(line.slice(0, space)) : null;
  let text = ts ? line.slice(space + 1) : line;
  if (text.length > MAX_LINE_CHARS) text = `${text.slice(0, MAX_LINE_CHARS)} … [line cut: ${text.length - MAX_LINE_CHARS} more characters]`;
  return { ts: ts ?? fallbackTs, text };
}

/** The current time as a normalized timestamp (millisecond precision). */
export function nowTimestamp(now = new Date()): string {
  return `${now.toISOString().slice(0, 23)}000000Z`;
}

/** Nanoseconds since the epoch of a normalized timestamp, as a bigint. */
export function timestampNanos(ts: string): bigint {
  const seconds = BigInt(Math.floor(Date.parse(`${ts.slice(0, 19)}Z`) / 1000));
  return seconds * 1_000_000_000n + BigInt(ts.slice(20, 29));
}

/** The normalized timestamp of nanoseconds since the epoch. */
export function timestampFromNanos(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, "0");
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}
