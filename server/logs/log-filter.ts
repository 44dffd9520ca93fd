/**
 * The log search: plain text (case-insensitive) or a regular expression. Regular expressions
 * run on RE2JS, a JavaScript port of RE2 whose matching time grows linearly with the line, so
 * no pattern (like `(a+)+$`) can make the server backtrack for minutes: there is nothing to
 * time-box. RE2 has no back-references or look-arounds; such patterns are refused with a
 * sentence, as are patterns that do not compile. Lines are searched in their first 64 KiB.
 */
import { RE2JS } from "re2js";
import { badInput } from "@/server/errors";

export const MAX_FILTER_LENGTH = 500;
const MAX_SEARCHED_CHARS = 64 * 1024;

export interface LogFilterInput {
  query: string;
  regex: boolean;
}

export type LogFilter = (text: string) => boolean;

/** Null for an empty query (every line passes). Throws AppError BAD_INPUT (field "filter") for a pattern it refuses. */
export function compileLogFilter({ query, regex }: LogFilterInput): LogFilter | null {
  if (query.length === 0) return null;
  if (query.length > MAX_FILTER_LENGTH) throw badInput(`The filter has at most ${MAX_FILTER_LENGTH} characters.`, "filter");
  if (!regex) {
    const needle = query.toLowerCase();
    return (text) => text.toLowerCase().includes(needle);
  }
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(query, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    throw badInput(regexProblem(query, error), "filter");
  }
  return (text) => pattern.matcher(text.length > MAX_SEARCHED_CHARS ? text.slice(0, MAX_SEARCHED_CHARS) : text).find();
}

function regexProblem(query: string, error: unknown): string {
  const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
  if (/\\[1-9]/.test(query)) return "Back-references (\\1) are not supported: the log search uses RE2, which matches in linear time.";
  if (/\(\?<?[=!]/.test(query)) return "Look-ahead and look-behind ((?=…), (?!…)) are not supported: the log search uses RE2, which matches in linear time.";
  return `That is not a valid regular expression: ${detail}.`;
}
