/**
 * Turns buildah's failure output into a sentence, keeping buildah's own "Error:" line as the
 * detail. The distinctions that matter to a user: the Dockerfile is malformed, the base image
 * cannot be pulled (and why), a step failed (which one), a COPY names a file not in the context.
 */
import { BuildError } from "./build-error";

export function buildahErrorFromOutput(output: string, exitCode: number | null): BuildError {
  const lines = output.split("\n").map((line) => line.trim()).filter(Boolean);
  const errorLine = [...lines].reverse().find((line) => line.startsWith("Error:")) ?? lines.at(-1) ?? "";
  const detail = errorLine.replace(/ &imagebuilder\.Step\{.*$/, "");
  const lastFrom = [...lines].reverse().find((line) => /^STEP \d+\/\d+: FROM /.test(line));
  const baseImage = lastFrom?.replace(/^STEP \d+\/\d+: FROM\s+/, "").split(/\s+/)[0];

  const unknown = /Unknown instruction: "?([^"\s]+)"?/i.exec(errorLine);
  if (unknown) {
    return new BuildError("dockerfile_syntax", `The Dockerfile has an unknown instruction "${unknown[1]}".`, { detail });
  }
  if (/dockerfile parse error|error parsing|Syntax error|parse error line/i.test(errorLine)) {
    return new BuildError("dockerfile_syntax", `The Dockerfile could not be parsed: ${detail.replace(/^Error:\s*/, "")}`, { detail });
  }
  if (/creating build container|pulling image|initializing source/i.test(errorLine)) {
    const image = baseImage ?? "the base image";
    let reason = "see the log for buildah's message";
    if (/manifest unknown|name unknown|not found|404/i.test(errorLine)) reason = "it does not exist in its registry (check the name and tag)";
    else if (/unauthorized|denied|authentication required|forbidden|\b40[13]\b/i.test(errorLine)) reason = "the registry refused access (check the registry credentials)";
    else if (/no such host|connection refused|i\/o timeout|network is unreachable|no route to host|TLS handshake|certificate/i.test(errorLine)) reason = "its registry could not be reached";
    else if (/short-name .* did not resolve/i.test(errorLine)) reason = "name it with its registry, like docker.io/library/node:20";
    return new BuildError("base_image_not_found", `The base image ${image} could not be pulled: ${reason}.`, { detail });
  }
  const copy = /building at STEP "((?:COPY|ADD)[^"]*)": .*no such file or directory/i.exec(errorLine);
  if (copy) {
    return new BuildError("build_failed", `${copy[1]} failed: a source is not in the build context (paths are relative to the root directory).`, { detail });
  }
  const step = /building at STEP "([^"]*)": (?:.*?)exit status (\d+)/i.exec(errorLine);
  if (step) {
    return new BuildError("build_failed", `The step "${truncate(step[1]!)}" failed with exit status ${step[2]}: its output is in the log above.`, { detail });
  }
  return new BuildError("build_failed", `The image build failed${exitCode !== null ? ` (exit status ${exitCode})` : ""}: ${truncate(detail.replace(/^Error:\s*/, "")) || "see the log"}.`, { detail });
}

function truncate(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
