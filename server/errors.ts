/**
 * The one error type domain code throws. It carries a code the transport maps to an HTTP/tRPC
 * status (in server/api/trpc.ts) and a sentence the user can act on. `field` names the form
 * field the message belongs next to.
 */
export type AppErrorCode =
  | "BAD_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "UNAVAILABLE";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field?: string;

  constructor(code: AppErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
  }
}

export const badInput = (message: string, field?: string) => new AppError("BAD_INPUT", message, { field });
export const notFound = (message: string) => new AppError("NOT_FOUND", message);
export const conflict = (message: string, field?: string) => new AppError("CONFLICT", message, { field });
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const preconditionFailed = (message: string) => new AppError("PRECONDITION_FAILED", message);

/** True when a Prisma error is a unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
