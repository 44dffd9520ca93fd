/**
 * Just enough of the Dockerfile grammar for two jobs buildah does late or not at all:
 * - spotting a syntax error before anything is pulled, with its line number (buildah reports an
 *   unknown instruction only when the build reaches that step, without a line);
 * - finding the image the final stage is built on, so the build page can mark which layers of
 *   the app's image came from its base image.
 */
export interface DockerfileInstruction {
  /** 1-based line where the instruction starts. */
  line: number;
  /** Upper-case keyword, e.g. "FROM". */
  keyword: string;
  /** The rest of the logical line (continuations joined). */
  args: string;
}

export type DockerfileCheck = { ok: true; instructions: DockerfileInstruction[] } | { ok: false; line: number; message: string };

const INSTRUCTIONS = [
  "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
  "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
];

export function checkDockerfileSyntax(text: string): DockerfileCheck {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/i.test(lines.find((line) => line.trim() !== "") ?? "") ? "`" : "\\";
  const instructions: DockerfileInstruction[] = [];

  for (let index = 0; index < lines.length; index += 1) {
    const start = index;
    let logical = lines[index]!.trim();
    if (logical === "" || logical.startsWith("#")) continue;
    // Continuation lines: blank and comment lines inside a continued instruction are skipped.
    while (logical.endsWith(escape) && index + 1 < lines.length) {
      logical = logical.slice(0, -1);
      index += 1;
      const next = lines[index]!.trim();
      if (next.startsWith("#")) {
        logical += escape; // keep continuing past the comment
        continue;
      }
      logical += ` ${next}`;
    }
    const match = /^(\S+)\s*(.*)$/.exec(logical)!;
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!.trim();
    if (!INSTRUCTIONS.includes(keyword)) {
      const suggestion = closest(keyword);
      return {
        ok: false,
        line: start + 1,
        message: `Dockerfile line ${start + 1}: unknown instruction "${match[1]}"${suggestion ? ` (did you mean ${suggestion}?)` : ""}.`,
      };
    }
    if (args === "" && keyword !== "RUN") {
      return { ok: false, line: start + 1, message: `Dockerfile line ${start + 1}: ${keyword} needs an argument.` };
    }
    if (instructions.length === 0 && keyword !== "FROM" && keyword !== "ARG") {
      return { ok: false, line: start + 1, message: `Dockerfile line ${start + 1}: the first instruction must be FROM (or ARG before FROM), not ${keyword}.` };
    }
    instructions.push({ line: start + 1, keyword, args });
    // Here-documents (RUN <<EOF … EOF) are opaque: skip to their terminator.
    for (const heredoc of args.matchAll(/<<(-?)["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)) {
      const terminator = heredoc[2]!;
      while (index + 1 < lines.length && lines[index + 1]!.replace(heredoc[1] ? /^\t+/ : /^$/, "") !== terminator) index += 1;
      index += 1;
    }
  }
  if (!instructions.some((instruction) => instruction.keyword === "FROM")) {
    return { ok: false, line: 1, message: "The Dockerfile has no FROM instruction: it must start from a base image." };
  }
  return { ok: true, instructions };
}

/**
 * The external image the final stage builds on (following "FROM <earlier stage>"), with ARG
 * defaults and build args substituted; undefined for "scratch" or a syntax error.
 */
export function findBaseImage(text: string, buildArgs: Record<string, string> = {}): string | undefined {
  const check = checkDockerfileSyntax(text);
  if (!check.ok) return undefined;
  const globals: Record<string, string> = {};
  const stages = new Map<string, string>();
  let last: string | undefined;
  let seenFrom = false;
  for (const { keyword, args } of check.instructions) {
    if (keyword === "ARG" && !seenFrom) {
      const [name = "", value = ""] = args.split("=", 2) as [string, string?];
      globals[name.trim()] = buildArgs[name.trim()] ?? value.replace(/^["']|["']$/g, "");
      continue;
    }
    if (keyword !== "FROM") continue;
    seenFrom = true;
    const words = args.split(/\s+/).filter((word) => !word.startsWith("--"));
    const image = (words[0] ?? "").replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => globals[name] ?? "");
    const resolved = stages.get(image.toLowerCase()) ?? image;
    if (words[1]?.toUpperCase() === "AS" && words[2]) stages.set(words[2].toLowerCase(), resolved);
    last = resolved;
  }
  return last === undefined || last === "scratch" ? undefined : last;
}

function closest(word: string): string | undefined {
  let best: { keyword: string; distance: number } | undefined;
  for (const keyword of INSTRUCTIONS) {
    const distance = editDistance(word, keyword);
    if (distance <= 2 && (!best || distance < best.distance)) best = { keyword, distance };
  }
  return best?.keyword;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
