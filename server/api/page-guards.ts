import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

/**
 * Runs a server-side procedure call for a page: a missing (or foreign) resource becomes the
 * 404 page and a signed-out caller goes to sign-in; anything else reaches the error boundary.
 */
export async function loadForPage<T>(call: Promise<T>, path = "/"): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    throw error;
  }
}
