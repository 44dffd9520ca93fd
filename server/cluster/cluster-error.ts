/**
 * The one error the Kubernetes adapter throws. `code` tells the caller what to do (the worker
 * retries "unreachable" with backoff; "invalid" and "namespace_taken" go back to the user as they
 * are), `message` is a sentence a user can act on, and `details` carries the API server's own
 * words when they help.
 */
import { ApiException } from "@kubernetes/client-node";

export type ClusterErrorCode =
  /** Network failure, timeout or a 5xx/429 from the API server: try again later. */
  | "unreachable"
  /** The server does not trust the credentials (401). */
  | "unauthorized"
  /** The credentials may not do this (403, RBAC). */
  | "forbidden"
  /** The server's TLS certificate is not trusted, or the client certificate is refused. */
  | "tls"
  /** The kubeconfig does not parse or is refused by policy (exec, auth-provider, file paths). */
  | "invalid_kubeconfig"
  /** The namespace exists and belongs to another team, environment, or to no Slipway app. */
  | "namespace_taken"
  /** The API server refused an object (422/400), or the release input is inconsistent. */
  | "invalid"
  /** A concurrent change (409) or an object in the way (e.g. a namespace being deleted). */
  | "conflict"
  | "not_found"
  /** The caller aborted through its AbortSignal. */
  | "aborted";

export class ClusterError extends Error {
  readonly code: ClusterErrorCode;
  /** The API server's message or the network error, for logs and an expandable "details". */
  readonly details?: string;

  constructor(code: ClusterErrorCode, message: string, options: { details?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ClusterError";
    this.code = code;
    this.details = options.details;
  }

  /** True when the same call may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return this.code === "unreachable" || this.code === "conflict";
  }
}

export function isClusterError(error: unknown, code?: ClusterErrorCode): error is ClusterError {
  return error instanceof ClusterError && (code === undefined || error.code === code);
}

// Node's network error codes that mean "could not talk to the server at all".
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPIPE: "the connection was closed",
  UND_ERR_SOCKET: "the connection was closed",
};

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

export interface ErrorContext {
  /** The API server URL, for "cannot connect to https://…". */
  server?: string;
  /** What was being done, for "… while applying Deployment web". */
  action?: string;
  /** Per-request timeout that expired, for the message. */
  timeoutMs?: number;
}

/**
 * Turns whatever client-node, node-fetch or Node threw into a ClusterError. Already-typed
 * errors pass through unchanged.
 */
export function toClusterError(error: unknown, context: ErrorContext = {}): ClusterError {
  if (error instanceof ClusterError) return error;
  const while_ = context.action ? ` while ${context.action}` : "";
  const where = context.server ?? "the cluster";

  if (error instanceof ApiException) {
    const status = statusOf(error.body);
    const details = status.message || undefined;
    switch (error.code) {
      case 401:
        return new ClusterError("unauthorized", `${where} did not accept the credentials (unauthorized)${while_}. Check the token or client certificate in the kubeconfig.`, { details, cause: error });
      case 403:
        return new ClusterError("forbidden", `The credentials may not do this${while_}: ${details ?? "forbidden"}.`, { details, cause: error });
      case 404:
        return new ClusterError("not_found", `Not found${while_}${details ? `: ${details}` : ""}.`, { details, cause: error });
      case 409:
        return new ClusterError("conflict", `Someone else changed it at the same time${while_}${details ? `: ${details}` : ""}. Try again.`, { details, cause: error });
      case 400:
      case 422:
        return new ClusterError("invalid", `Kubernetes refused it${while_}: ${details ?? "invalid"}`, { details, cause: error });
      case 408:
      case 429:
      case 500:
      case 502:
      case 503:
      case 504:
        return new ClusterError("unreachable", `${where} is not answering properly (HTTP ${error.code})${while_}; Slipway will try again.`, { details, cause: error });
      default:
        return new ClusterError("invalid", `Kubernetes answered HTTP ${error.code}${while_}${details ? `: ${details}` : ""}.`, { details, cause: error });
    }
  }

  const { code, name, message } = errorFields(error);
  if (name === "AbortError" || name === "TimeoutError" || code === "ABORT_ERR") {
    const seconds = context.timeoutMs ? ` within ${Math.round(context.timeoutMs / 100) / 10} s` : "";
    return new ClusterError("unreachable", `${where} did not answer${seconds}${while_}.`, { details: message, cause: error });
  }
  if (code && NETWORK_CODES[code]) {
    return new ClusterError("unreachable", `Cannot connect to ${where}: ${NETWORK_CODES[code]}${while_}.`, { details: message, cause: error });
  }
  if ((code && TLS_CODES.has(code)) || /certificate|self[- ]signed|SSL|TLS/i.test(message)) {
    return new ClusterError("tls", `Cannot talk securely to ${where}: ${message}. Check certificate-authority-data (and the client certificate) in the kubeconfig.`, { details: message, cause: error });
  }
  if (name === "FetchError" || /socket hang up|network/i.test(message)) {
    return new ClusterError("unreachable", `Cannot connect to ${where}: ${message}${while_}.`, { details: message, cause: error });
  }
  return new ClusterError("invalid", `Unexpected error${while_}: ${message}`, { details: message, cause: error });
}

function errorFields(error: unknown): { code?: string; name?: string; message: string } {
  if (typeof error !== "object" || error === null) return { message: String(error) };
  const record = error as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  const code = typeof record.code === "string" ? record.code : typeof record.errno === "string" ? record.errno : undefined;
  // node-fetch wraps the socket error; undici puts it in `cause`.
  const causeCode = typeof record.cause === "object" && record.cause !== null ? (record.cause as { code?: unknown }).code : undefined;
  return {
    code: code ?? (typeof causeCode === "string" ? causeCode : undefined),
    name: typeof record.name === "string" ? record.name : undefined,
    message: typeof record.message === "string" ? record.message : String(error),
  };
}

/** The Status object of an API error body, which client-node gives as an object or as text. */
function statusOf(body: unknown): { message?: string; reason?: string } {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return { message: body.slice(0, 500) };
    }
  }
  if (typeof value === "object" && value !== null) {
    const record = value as { message?: unknown; reason?: unknown };
    return {
      message: typeof record.message === "string" ? record.message : undefined,
      reason: typeof record.reason === "string" ? record.reason : undefined,
    };
  }
  return {};
}

/** The HTTP status of an API error (404, 409, …), or undefined for other errors. */
export function apiStatusCode(error: unknown): number | undefined {
  return error instanceof ApiException ? error.code : undefined;
}
