/**
 * Slipway's configuration, read from the environment once and validated, so a bad value stops
 * the process at start with a sentence instead of failing later in a request.
 */
import { z } from "zod";

const boolean = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  /** Public URL of the console, used in invitation links and webhooks. */
  SLIPWAY_URL: z.string().url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /** 32 bytes, base64: the AES-256-GCM key for secrets at rest. */
  SLIPWAY_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "SLIPWAY_ENCRYPTION_KEY must be 32 bytes, base64-encoded"),
  /** Trust X-Forwarded-For from a reverse proxy in front of Slipway. */
  SLIPWAY_TRUST_PROXY: boolean,
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  /** The registry builds push to when a team has none of its own: host[:port][/path]. */
  SLIPWAY_REGISTRY: z.string().optional(),
  SLIPWAY_REGISTRY_USERNAME: z.string().optional(),
  SLIPWAY_REGISTRY_PASSWORD: z.string().optional(),
  /** Builds one worker runs at once. */
  SLIPWAY_BUILD_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** A build that runs longer is stopped and failed. */
  SLIPWAY_BUILD_TIMEOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Slipway <slipway@localhost>"),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Slipway's configuration is invalid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated environment; read lazily so that `next build` does not need secrets. */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
