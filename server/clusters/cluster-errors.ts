import "server-only";
import { isClusterError } from "@/server/cluster";
import { AppError } from "@/server/errors";

/** A ClusterError met while a person acts becomes an AppError with the adapter's sentence. */
export function asAppError(error: unknown, field?: string): unknown {
  if (!isClusterError(error)) return error;
  switch (error.code) {
    case "unreachable":
      return new AppError("UNAVAILABLE", error.message, { field, cause: error });
    case "unauthorized":
    case "forbidden":
    case "invalid_kubeconfig":
    case "invalid":
      return new AppError("BAD_INPUT", error.message, { field, cause: error });
    case "namespace_taken":
    case "conflict":
      return new AppError("CONFLICT", error.message, { field, cause: error });
    default:
      return new AppError("PRECONDITION_FAILED", error.message, { field, cause: error });
  }
}
