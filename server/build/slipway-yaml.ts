/**
 * Parses `slipway.yaml`, the optional config-as-code file in a repository. Unknown keys are
 * errors (a typo like "comand" would otherwise be silently ignored), and every error points at
 * the line of the offending key, because "invalid slipway.yaml" alone sends the user hunting.
 * Environment variables are listed by name only: values, and secrets above all, live in
 * Slipway, never in the repository.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { z } from "zod";
import { validateDockerfilePath } from "./repository-path";
import { isPositiveQuantity } from "@/server/kubernetes-quantity";

export const PRESETS = ["node", "python", "go", "static"] as const;
export type Preset = (typeof PRESETS)[number];

const MAX_FILE_BYTES = 64 * 1024;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const port = z.int({ error: "must be a whole number between 1 and 65535" }).min(1, "must be between 1 and 65535").max(65535, "must be between 1 and 65535");
const quantity = (example: string) =>
  z
    .union([z.string(), z.number()], { error: `must be a Kubernetes quantity, like ${example}` })
    .transform((value) => String(value).trim())
    .refine(isPositiveQuantity, { error: `must be a positive Kubernetes quantity, like ${example}` });
const nonEmpty = (what: string) => z.string({ error: `must be ${what}` }).trim().min(1, `must be ${what}`);

const buildSchema = z
  .strictObject({
    dockerfile: nonEmpty("a path relative to the root directory").superRefine((value, context) => {
      const result = validateDockerfilePath(value);
      if (!result.ok) context.addIssue({ code: "custom", message: result.message });
    }),
    preset: z.enum(PRESETS, { error: `must be one of ${PRESETS.join(", ")}` }),
    testCommand: nonEmpty("a command, like npm test"),
    buildArgs: z.record(
      z.string().regex(BUILD_ARG_NAME, { error: "build argument names use letters, digits and _, and do not start with a digit" }),
      z.union([z.string(), z.number(), z.boolean()], { error: "must be a text value" }).transform(String),
      { error: "must be a map of NAME: value" },
    ),
  })
  .partial()
  .refine((build) => !(build.dockerfile && build.preset), {
    error: "set either dockerfile or preset, not both",
  });

const runSchema = z
  .strictObject({
    command: z.union([nonEmpty("a command"), z.array(z.string()).min(1)], {
      error: "must be a command, as text or a list like [node, server.js]",
    }),
    port,
    env: z.array(z.string().regex(ENV_NAME, { error: "names use letters, digits and _, and do not start with a digit" }), {
      error: "lists variable names only, like [DATABASE_URL, API_KEY]: set their values in Slipway",
    }),
    healthCheck: z
      .strictObject({
        path: z.string({ error: "must be a URL path, like /healthz" }).regex(/^\/[^\s]*$/, { error: "must be a URL path starting with /, like /healthz" }),
        tcp: z.union([z.boolean(), port], { error: "must be true (the app's port) or a port number" }),
      })
      .partial()
      .refine((check) => !(check.path && check.tcp), { error: "set either path or tcp, not both" }),
    resources: z.strictObject({ cpu: quantity("500m or 1"), memory: quantity("512Mi") }).partial(),
    replicas: z.int({ error: "must be a whole number" }).min(0, "must be 0 or more").max(100, "must be at most 100"),
    volumes: z.array(
      z.strictObject({
        name: z.string({ error: "must be a name" }).regex(DNS_LABEL, { error: "must be lowercase letters, digits and hyphens" }).max(40),
        mountPath: z.string({ error: "must be an absolute path" }).regex(/^\/[^\s:]*$/, { error: "must be an absolute path, like /data" }),
        size: quantity("1Gi"),
      }),
      { error: "must be a list of { name, mountPath, size }" },
    ),
  })
  .partial();

const fileSchema = z
  .strictObject({
    version: z.literal(1, { error: "must be 1" }),
    build: buildSchema,
    run: runSchema,
  })
  .partial();

export type SlipwayConfig = z.infer<typeof fileSchema>;
export type SlipwayBuildConfig = NonNullable<SlipwayConfig["build"]>;
export type SlipwayRunConfig = NonNullable<SlipwayConfig["run"]>;

export interface SlipwayYamlProblem {
  /** 1-based line of the offending key. */
  line: number;
  column: number;
  /** "run.port: must be a whole number between 1 and 65535" */
  message: string;
}

export type SlipwayYamlResult =
  | { ok: true; config: SlipwayConfig }
  | ({ ok: false; problems: SlipwayYamlProblem[] } & SlipwayYamlProblem);

export function parseSlipwayYaml(text: string): SlipwayYamlResult {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    return failure([{ line: 1, column: 1, message: `the file is larger than ${MAX_FILE_BYTES / 1024} KB` }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return failure(
      doc.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { line: position.line, column: position.col, message: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 }) ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return failure([{ line: 1, column: 1, message: "the file must be a map with build: and run: sections" }]);
  }
  const parsed = fileSchema.safeParse(data);
  if (parsed.success) return { ok: true, config: parsed.data };

  const problems = parsed.error.issues.map((issue): SlipwayYamlProblem => {
    let issuePath = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    let reason = issue.message;
    if (issue.code === "unrecognized_keys") {
      issuePath = [...issuePath, issue.keys[0]!];
      reason = `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}${hint(issuePath)}`;
    } else if (issue.code === "invalid_key") {
      reason = issue.issues[0]?.message ?? reason;
    }
    const position = lineCounter.linePos(offsetOf(doc.contents, issuePath));
    const where = issuePath.map((part) => (typeof part === "number" ? `[${part}]` : part)).join(".").replace(/\.\[/g, "[");
    return { line: position.line, column: position.col, message: where ? `${where}: ${reason}` : reason };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return failure(problems);
}

function failure(problems: SlipwayYamlProblem[]): SlipwayYamlResult {
  return { ok: false, ...problems[0]!, problems };
}

function hint(issuePath: (string | number)[]): string {
  const parent = issuePath.length === 1 ? "" : String(issuePath[0]);
  const allowed: Record<string, string> = {
    "": "version, build, run",
    build: "dockerfile, preset, testCommand, buildArgs",
    run: "command, port, env, healthCheck, resources, replicas, volumes",
  };
  const keys = allowed[parent];
  return keys && issuePath.length <= 2 ? ` (allowed here: ${keys})` : "";
}

/** Offset in the text of the key (or list item) at `issuePath`, or of the deepest part that exists. */
function offsetOf(root: unknown, issuePath: (string | number)[]): number {
  let node = root as Node | null | undefined;
  let offset = node?.range?.[0] ?? 0;
  for (const part of issuePath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === part || String(isScalar(item.key) ? item.key.value : "") === String(part));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof part === "number") {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
