import "server-only";
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Actor } from "@/server/actor";
import { AppError, type AppErrorCode } from "@/server/errors";
import { hasRole, roleLabel, type Role } from "@/server/roles";
import { findMembership } from "@/server/teams/find-membership";
import type { Context } from "@/server/api/context";

/**
 * Who may call a procedure. Every procedure declares one (tests/integration/api/authorization.test.ts
 * enumerates the router and fails on any that does not).
 */
export type Access = { kind: "public" } | { kind: "user" } | { kind: "team"; minRole: Role };
export interface Meta {
  access: Access;
}

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Field → message, for errors the forms show next to their fields. */
export type FieldErrors = Record<string, string>;

function fieldErrorsOf(error: TRPCError): FieldErrors | undefined {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fields: FieldErrors = {};
    for (const issue of cause.issues) {
      const key = issue.path.filter((part) => typeof part !== "symbol").join(".") || "form";
      fields[key] ??= issue.message;
    }
    return fields;
  }
  if (cause instanceof AppError && cause.field) return { [cause.field]: cause.message };
  return undefined;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const fieldErrors = fieldErrorsOf(error);
      let message = shape.message;
      if (error.cause instanceof ZodError) message = error.cause.issues[0]?.message ?? "Check the highlighted fields.";
      if (error.code === "INTERNAL_SERVER_ERROR") message = "Something went wrong on Slipway's side. Try again; if it keeps failing, look at the server log.";
      return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain code throws AppError; the transport turns it into the matching tRPC error here, once.
const mapAppErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path} failed:`, result.error.cause ?? result.error);
  }
  return result;
});

const base = t.procedure.use(mapAppErrors);

export const publicProcedure = base.meta({ access: { kind: "public" } });

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const actor: Actor = { userId: ctx.user.id, email: ctx.user.email, ip: ctx.ip };
  return next({ ctx: { user: ctx.user, actor } });
});

/** Any signed-in user. */
export const protectedProcedure = base.meta({ access: { kind: "user" } }).use(requireUser);

export const teamInput = z.object({ teamSlug: z.string().min(1).max(64) });

/**
 * A procedure on one team's resources: its input names the team (`teamSlug`); the caller's
 * membership is loaded once and must carry at least `minRole`. Everyone else is refused, and a
 * team the caller does not belong to looks the same as one that does not exist.
 */
export function teamProcedure(minRole: Role) {
  return base
    .meta({ access: { kind: "team", minRole } })
    .use(requireUser)
    .input(teamInput)
    .use(async ({ ctx, input, next }) => {
      const membership = await findMembership({ userId: ctx.user.id, teamSlug: input.teamSlug });
      if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "This team does not exist, or you are not a member of it." });
      if (!hasRole(membership.role, minRole)) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `This needs the ${roleLabel(minRole).toLowerCase()} role or higher; you are ${roleLabel(membership.role).toLowerCase()} in this team.`,
        });
      }
      return next({ ctx: { team: membership.team, role: membership.role } });
    });
}
