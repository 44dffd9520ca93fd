import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { CLIENT_IP_HEADER, getSessionUser } from "@/server/auth";

/**
 * The tRPC router called directly from server components: the same procedures, with the same
 * authorization, as the browser's calls. One caller per request.
 */
export const serverApi = cache(async () => {
  const requestHeaders = await headers();
  return createCaller({ user: await getSessionUser(), ip: requestHeaders.get(CLIENT_IP_HEADER) });
});
