import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { CLIENT_IP_HEADER, getSessionUser } from "@/server/auth";

// Forms send small JSON bodies; anything bigger is refused before it is read.
const MAX_BODY_BYTES = 1024 * 1024;

async function handler(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return Response.json({ error: { message: "The request is larger than 1 MB. Send less data at once." } }, { status: 413 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({ user: await getSessionUser(), ip: request.headers.get(CLIENT_IP_HEADER) }),
  });
}

export { handler as GET, handler as POST };
