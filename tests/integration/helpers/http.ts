/**
 * Calls a procedure the way the browser does — an HTTP request through tRPC's fetch adapter —
 * so tests see the real status codes and the error formatter's field errors.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "@/server/api/root";
import type { TestUser } from "./db";

export interface HttpResult {
  status: number;
  data?: unknown;
  error?: { message: string; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string> } };
}

export async function httpCall(user: TestUser | null, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<HttpResult> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = kind === "query" ? `http://test/api/trpc/${path}?input=${encodeURIComponent(encoded)}` : `http://test/api/trpc/${path}`;
  const request = new Request(url, kind === "query" ? {} : { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: async () => ({ user, ip: "198.51.100.1" }) });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { json: HttpResult["error"] } };
  return { status: response.status, data: body.result?.data, error: body.error?.json };
}
