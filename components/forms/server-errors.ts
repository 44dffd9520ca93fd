import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

interface ErrorWithData {
  message?: string;
  data?: { fieldErrors?: Record<string, string> | null } | null;
}

/**
 * Puts the server's field errors next to their fields; returns the message for the form as a
 * whole when no field took it (shown above the submit button).
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly Path<T>[]): string | null {
  const { message, data } = (error ?? {}) as ErrorWithData;
  let placed = false;
  for (const [field, text] of Object.entries(data?.fieldErrors ?? {})) {
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message: text });
      placed = true;
    }
  }
  if (placed) return null;
  return message ?? "Something went wrong. Try again.";
}
