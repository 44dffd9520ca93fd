import "server-only";
import { buildConfig } from "@/server/build/build-config";
import { badInput, AppError } from "@/server/errors";
import { registryHost } from "@/server/registries/image-destination";

/**
 * Asks the registry's API root (`/v2/`) whether these credentials are accepted, the way every
 * OCI client starts. A 401 with credentials means they are wrong; without, it may be a token
 * registry, which the first push will tell.
 */
export async function checkRegistry({ url, username, password }: { url: string; username?: string | null; password?: string | null }) {
  const host = registryHost(url);
  const scheme = buildConfig().insecureRegistries.includes(host) ? "http" : "https";
  const headers: Record<string, string> = {};
  if (username && password) headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  let response: Response;
  try {
    response = await fetch(`${scheme}://${host}/v2/`, { headers, signal: AbortSignal.timeout(10_000), redirect: "manual" });
  } catch {
    throw new AppError("UNAVAILABLE", `Could not reach ${host}. Check the address, and that Slipway's server can reach it.`, { field: "url" });
  }
  if (response.status === 401 && username && password && !response.headers.get("www-authenticate")?.toLowerCase().startsWith("bearer")) {
    throw badInput(`${host} refused the username and password.`, "password");
  }
  if (response.status >= 500) throw new AppError("UNAVAILABLE", `${host} answered with an error (${response.status}). Try again later.`, { field: "url" });
  if (response.status === 404) throw badInput(`${host} does not look like an OCI registry (no /v2/ API).`, "url");
}
