import "server-only";
import { AppError } from "@/server/errors";
import { findAppForReader, type AppLogTarget } from "./find-app-for-reader";
import { compileLogFilter, type LogFilter } from "./log-filter";
import { parseLogStreamOptions, type LogStreamOptions } from "./log-options";

export type LogRefusal = { ok: false; status: number; message: string; field?: string };
export type CheckedLogRequest = { ok: true; target: AppLogTarget; options: LogStreamOptions; filter: LogFilter | null } | LogRefusal;

/**
 * What the log stream and the log download both check first: the user reads this app (any
 * member of its team; otherwise the same 404 as a missing app), the options are in range and
 * the filter compiles.
 */
export async function checkLogRequest({ userId, appId, params }: { userId: string; appId: string; params: URLSearchParams }): Promise<CheckedLogRequest> {
  const target = await findAppForReader({ userId, appId });
  if (!target) return { ok: false, status: 404, message: "That app does not exist, or you are not in its team." };
  const parsed = parseLogStreamOptions(params);
  if ("problem" in parsed) return { ok: false, status: 400, message: parsed.problem };
  try {
    const filter = compileLogFilter({ query: parsed.options.filter, regex: parsed.options.regex });
    return { ok: true, target, options: parsed.options, filter };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, status: 400, message: error.message, field: error.field };
    throw error;
  }
}
