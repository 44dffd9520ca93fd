/**
 * What a viewer can ask of the app's log stream (query string of the SSE and download routes),
 * with the limits that keep one request cheap. Messages say what to change.
 */
import { z } from "zod";
import { MAX_FILTER_LENGTH } from "./log-filter";

export const MAX_TAIL_LINES = 10_000;
export const DEFAULT_TAIL_LINES = 500;
export const MAX_SINCE_SECONDS = 30 * 24 * 3600;
const MAX_SELECTED = 50;

const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/** "90", "15m", "6h", "2d" → seconds; null when it is none of these. */
export function parseSince(value: string): number | null {
  const match = /^(\d{1,7})([smhd]?)$/.exec(value.trim());
  if (!match) return null;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as "" | "s" | "m" | "h" | "d"];
  return Number.parseInt(match[1]!, 10) * unit;
}

const nameList = (what: string) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const names = (value ?? "").split(",").map((name) => name.trim()).filter(Boolean);
      if (names.length > MAX_SELECTED) {
        context.addIssue({ code: "custom", message: `Choose at most ${MAX_SELECTED} ${what}s.` });
        return z.NEVER;
      }
      for (const name of names) {
        if (!DNS_NAME.test(name)) {
          context.addIssue({ code: "custom", message: `"${name.slice(0, 60)}" is not a ${what} name.` });
          return z.NEVER;
        }
      }
      return names;
    });

export const logStreamOptionsSchema = z.object({
  tail: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "") return DEFAULT_TAIL_LINES;
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0 || number > MAX_TAIL_LINES) {
        context.addIssue({ code: "custom", message: `Tail is a number of lines from 0 to ${MAX_TAIL_LINES.toLocaleString("en")}.` });
        return z.NEVER;
      }
      return number;
    }),
  since: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "" || value === "all") return undefined;
      const seconds = parseSince(value);
      if (seconds === null || seconds < 1 || seconds > MAX_SINCE_SECONDS) {
        context.addIssue({ code: "custom", message: "Since is a time from 1s to 30d, like 90s, 15m, 6h or 2d." });
        return z.NEVER;
      }
      return seconds;
    }),
  pods: nameList("pod"),
  containers: nameList("container"),
  filter: z.string().max(MAX_FILTER_LENGTH, `The filter has at most ${MAX_FILTER_LENGTH} characters.`).optional().default(""),
  regex: z.enum(["1", "0", "true", "false", ""]).optional().transform((value) => value === "1" || value === "true"),
});

export type LogStreamOptions = z.output<typeof logStreamOptionsSchema>;

/** Parses a URL's query; the first problem in words, or the options. */
export function parseLogStreamOptions(params: URLSearchParams): { options: LogStreamOptions } | { problem: string } {
  const raw = Object.fromEntries(["tail", "since", "pods", "containers", "filter", "regex"].flatMap((key) => (params.has(key) ? [[key, params.get(key)!]] : [])));
  const parsed = logStreamOptionsSchema.safeParse(raw);
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? "Check the log options." };
  return { options: parsed.data };
}
