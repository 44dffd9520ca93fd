/** Says why talking to a registry (push, inspect) failed, from buildah's or skopeo's message. */
import { BuildError, type BuildErrorCode } from "./build-error";

export function registryErrorFromOutput(output: string, what: { action: "push" | "inspect"; reference: string }): BuildError {
  const errorLine =
    output
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .reverse()
      .find((line) => /^(Error|FATA)/.test(line) || line.includes("level=fatal")) ?? output.trim().split("\n").at(-1) ?? "";
  const detail = errorLine;
  const registry = what.reference.split("/")[0];
  const fail = (code: BuildErrorCode, message: string) => new BuildError(code, message, { detail });

  if (/unauthorized|authentication required|denied|forbidden|\b40[13]\b/i.test(errorLine)) {
    return fail("registry_auth_failed", `The registry ${registry} refused the credentials: check the registry's user name and password in the team settings.`);
  }
  if (/connection refused|no such host|i\/o timeout|network is unreachable|no route to host|server gave HTTP response to HTTPS client|certificate|TLS handshake/i.test(errorLine)) {
    const http = /HTTP response to HTTPS client/i.test(errorLine) ? " (it speaks plain http: add it to SLIPWAY_INSECURE_REGISTRIES)" : "";
    return fail("registry_unreachable", `The registry ${registry} could not be reached${http}.`);
  }
  if (what.action === "inspect" && /manifest unknown|name unknown|not found/i.test(errorLine)) {
    return fail("inspect_failed", `The image ${what.reference} is not in the registry.`);
  }
  const summary = errorLine.replace(/^Error:\s*/, "").replace(/^time="[^"]*" level=\w+ msg="(.*)"$/, "$1");
  return what.action === "push"
    ? fail("push_failed", `Pushing to ${what.reference} failed: ${summary || "see the log"}.`)
    : fail("inspect_failed", `Reading ${what.reference} from the registry failed: ${summary || "no message"}.`);
}
