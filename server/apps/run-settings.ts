/**
 * An app's run settings: how its image runs on Kubernetes. A release snapshots them (with the
 * image digest), so the schema must keep parsing old snapshots: every field has a default and
 * unknown keys are dropped rather than refused.
 *
 * Pure (zod only, no node imports): the settings forms import it for instant feedback and the
 * server for the authority. Every message says what to change, because each one ends up next to
 * a form field or in a deploy error.
 *
 * Secrets appear here by NAME only. Their values are encrypted at rest elsewhere and reach
 * manifests as `secretValues` beside the settings (see server/cluster/render/types.ts); the
 * form validates a value with `secretEntriesSchema` before it is encrypted.
 */
import { z } from "zod";
import { parseQuantity } from "@/server/kubernetes-quantity";

// ---------------------------------------------------------------------------------------------
// Limits

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const ENV_VALUE_MAX_BYTES = 32 * 1024;
export const ENV_TOTAL_MAX_BYTES = 256 * 1024;
export const DEFAULT_MAX_REPLICAS = 20;
const MAX_ENV_VARS = 500;
const MAX_DOMAINS = 50;
const MAX_VOLUMES = 10;
const MAX_ARGV = 100;
const MAX_ARG_LENGTH = 4096;

/**
 * The operator's cap on replicas (env SLIPWAY_MAX_REPLICAS, default 20). In a browser bundle
 * `process` may not exist; the form then uses the default and the server still checks the real cap.
 */
export function maxReplicasFromEnv(): number {
  const raw = typeof process !== "undefined" ? process.env?.SLIPWAY_MAX_REPLICAS : undefined;
  const parsed = raw ? Number.parseInt(raw, 10) : Number.NaN;
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : DEFAULT_MAX_REPLICAS;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes quantities (the grammar is in server/kubernetes-quantity.ts)

const quantityText = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

const cpuQuantity = quantityText.superRefine((value, context) => {
  const parsed = parseQuantity(value);
  if (parsed === null) {
    context.addIssue({ code: "custom", message: `"${value}" is not a CPU amount: use cores like 0.5 or 2, or millicores like 250m.` });
  } else if (parsed < 0.001) {
    context.addIssue({ code: "custom", message: "CPU must be at least 1m (a thousandth of a core)." });
  } else if (parsed > 256) {
    context.addIssue({ code: "custom", message: "CPU must be at most 256 cores." });
  }
});

const memoryQuantity = quantityText.superRefine((value, context) => {
  const parsed = parseQuantity(value);
  if (parsed === null) {
    context.addIssue({ code: "custom", message: `"${value}" is not a memory size: use a size like 512Mi or 2Gi.` });
  } else if (/\dm$/.test(value)) {
    // "512m" is 0.512 bytes to Kubernetes; everyone who writes it means 512Mi.
    context.addIssue({ code: "custom", message: `"${value}" is far less than a megabyte (m means milli); did you mean ${value.replace(/m$/, "Mi")}?` });
  } else if (parsed < 4 * 2 ** 20) {
    context.addIssue({ code: "custom", message: "Memory must be at least 4Mi: a container cannot start with less." });
  } else if (parsed > 2 ** 40) {
    context.addIssue({ code: "custom", message: "Memory must be at most 1Ti." });
  }
});

const storageQuantity = quantityText.superRefine((value, context) => {
  const parsed = parseQuantity(value);
  if (parsed === null) {
    context.addIssue({ code: "custom", message: `"${value}" is not a size: use a size like 1Gi or 500Mi.` });
  } else if (parsed < 2 ** 20) {
    context.addIssue({ code: "custom", message: "A volume must be at least 1Mi; did you mean Gi or Mi?" });
  } else if (parsed > 2 ** 50) {
    context.addIssue({ code: "custom", message: "A volume must be at most 1Pi." });
  }
});

// ---------------------------------------------------------------------------------------------
// Resources

export const RESOURCE_PRESET_NAMES = ["nano", "small", "medium", "large", "xlarge"] as const;
export type ResourcePresetName = (typeof RESOURCE_PRESET_NAMES)[number];

export interface ResourceAmounts {
  cpu?: string;
  memory?: string;
}

export interface ResourceRequirements {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

/** What each preset reserves (requests) and caps (limits); shown as-is on the scaling page. */
export const RESOURCE_PRESETS: Record<ResourcePresetName, ResourceRequirements> = {
  nano: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "250m", memory: "128Mi" } },
  small: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
  medium: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
  large: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
  xlarge: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "4", memory: "4Gi" } },
};

const resourceAmountsSchema = z
  .object({ cpu: cpuQuantity.optional(), memory: memoryQuantity.optional() }, { error: "Give cpu and/or memory, like { cpu: 500m, memory: 512Mi }." })
  .default({});

const resourcesSchema = z
  .discriminatedUnion(
    "preset",
    [
      z.object({ preset: z.enum(RESOURCE_PRESET_NAMES) }),
      z.object({ preset: z.literal("custom"), requests: resourceAmountsSchema, limits: resourceAmountsSchema }),
    ],
    { error: `Choose a size (${RESOURCE_PRESET_NAMES.join(", ")}) or custom requests and limits.` },
  )
  .superRefine((resources, context) => {
    if (resources.preset !== "custom") return;
    for (const kind of ["cpu", "memory"] as const) {
      const request = resources.requests[kind];
      const limit = resources.limits[kind];
      if (request === undefined || limit === undefined) continue;
      const requested = parseQuantity(request);
      const limited = parseQuantity(limit);
      if (requested !== null && limited !== null && limited < requested) {
        context.addIssue({
          code: "custom",
          path: ["limits", kind],
          message: `The ${kind} limit (${limit}) is below the ${kind} request (${request}); Kubernetes refuses that. Raise the limit or lower the request.`,
        });
      }
    }
  });

export type ResourceSettings = z.output<typeof resourcesSchema>;

/** Requests and limits of a preset or custom setting, as Kubernetes wants them. */
export function resolveResources(resources: ResourceSettings): ResourceRequirements {
  if (resources.preset !== "custom") {
    const preset = RESOURCE_PRESETS[resources.preset];
    return { requests: { ...preset.requests }, limits: { ...preset.limits } };
  }
  return { requests: { ...resources.requests }, limits: { ...resources.limits } };
}

// ---------------------------------------------------------------------------------------------
// Environment and secrets

const envNameSchema = z
  .string({ error: "Enter a variable name." })
  .min(1, "Enter a variable name.")
  .max(256, "A variable name has at most 256 characters.")
  .regex(ENV_NAME_PATTERN, "Variable names use letters, digits and _, and do not start with a digit (like DATABASE_URL).");

export { envNameSchema };

const byteLength = (value: string) => new TextEncoder().encode(value).length;

const envValueSchema = z
  .string({ error: "A value must be text." })
  .refine((value) => byteLength(value) <= ENV_VALUE_MAX_BYTES, {
    message: `A value has at most ${ENV_VALUE_MAX_BYTES / 1024} KiB; store larger data in a volume or fetch it at start-up.`,
  });

/** Duplicate names, and a total size cap, over a list of { name, value? }. */
function checkEntries(what: string, entries: { name: string; value?: string }[], context: z.RefinementCtx) {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.name);
    if (first !== undefined) {
      context.addIssue({ code: "custom", path: [index, "name"], message: `${entry.name} is set twice (also as ${what} #${first + 1}); keep one.` });
    } else {
      seen.set(entry.name, index);
    }
  });
  const total = entries.reduce((sum, entry) => sum + byteLength(entry.name) + byteLength(entry.value ?? ""), 0);
  if (total > ENV_TOTAL_MAX_BYTES) {
    context.addIssue({ code: "custom", message: `All ${what}s together have at most ${ENV_TOTAL_MAX_BYTES / 1024} KiB (now ${Math.ceil(total / 1024)} KiB).` });
  }
}

const envSchema = z
  .array(z.object({ name: envNameSchema, value: envValueSchema }), { error: "Environment variables are a list of { name, value }." })
  .max(MAX_ENV_VARS, `An app has at most ${MAX_ENV_VARS} environment variables.`)
  .superRefine((entries, context) => checkEntries("variable", entries, context));

const secretNamesSchema = z
  .array(envNameSchema, { error: "Secrets are a list of names." })
  .max(MAX_ENV_VARS, `An app has at most ${MAX_ENV_VARS} secrets.`)
  .superRefine((names, context) => checkEntries("secret", names.map((name) => ({ name })), context));

/** A secret as the form sends it, before it is encrypted: name and plaintext value. */
export const secretEntriesSchema = z
  .array(z.object({ name: envNameSchema, value: envValueSchema }), { error: "Secrets are a list of { name, value }." })
  .max(MAX_ENV_VARS, `An app has at most ${MAX_ENV_VARS} secrets.`)
  .superRefine((entries, context) => checkEntries("secret", entries, context));

// ---------------------------------------------------------------------------------------------
// Command, health check, domains, volumes

const argvSchema = (what: string) =>
  z
    .array(
      z.string({ error: `Each ${what} part is text.` }).min(1, `${what[0]!.toUpperCase()}${what.slice(1)} parts cannot be empty.`).max(MAX_ARG_LENGTH, `Each ${what} part has at most ${MAX_ARG_LENGTH} characters.`),
      { error: `The ${what} is a list like ["node", "server.js"].` },
    )
    .max(MAX_ARGV, `The ${what} has at most ${MAX_ARGV} parts.`)
    .nullable()
    .default(null)
    .transform((value) => (value && value.length > 0 ? value : null));

const portSchema = z
  .number({ error: "The port is a whole number between 1 and 65535." })
  .int("The port is a whole number between 1 and 65535.")
  .min(1, "The port is a whole number between 1 and 65535.")
  .max(65535, "The port is a whole number between 1 and 65535.");

const healthCheckSchema = z
  .discriminatedUnion(
    "type",
    [
      z.object({
        type: z.literal("http"),
        path: z
          .string({ error: "Enter the URL path to check, like /healthz." })
          .max(1024, "The health check path has at most 1024 characters.")
          .regex(/^\/[\x21-\x7e]*$/, "The health check path starts with / and has no spaces, like /healthz."),
      }),
      z.object({ type: z.literal("tcp") }),
    ],
    { error: 'The health check is { type: "http", path } or { type: "tcp" }, or none.' },
  )
  .nullable()
  .default(null);

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why `host` is not a hostname an Ingress accepts, or null when it is one. */
export function hostnameProblem(host: string): string | null {
  if (host.length === 0) return "Enter a domain, like app.example.com.";
  if (host !== host.toLowerCase()) return `Write ${host} in lowercase (${host.toLowerCase()}).`;
  if (/^[a-z]+:\/\//.test(host) || host.includes("/")) return `Enter only the host name, without scheme or path (like ${host.replace(/^[a-z]+:\/\//, "").split("/")[0]}).`;
  if (host.includes(":")) return "Enter the host name without a port.";
  if (host.length > 253) return "A domain has at most 253 characters.";
  if (/^[0-9.]+$/.test(host)) return "Enter a domain name, not an IP address: Ingress routes by name.";
  if (host.startsWith("*.")) return "Wildcard domains are not supported; list each host.";
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length < 2) return `${host} is not a full domain name; use something like ${host}.example.com.`;
  for (const label of labels) {
    if (label.length > 63) return `"${label.slice(0, 20)}…" is longer than 63 characters; each part of a domain has at most 63.`;
    if (!DNS_LABEL.test(label)) {
      return `${host} is not a valid domain: each part uses lowercase letters, digits and hyphens, and does not start or end with a hyphen.`;
    }
  }
  return null;
}

// A DNS-1123 subdomain: the names of Secrets and cert-manager issuers.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const objectName = (what: string) =>
  z
    .string({ error: `Enter the ${what} name.` })
    .min(1, `Enter the ${what} name.`)
    .max(253, `A ${what} name has at most 253 characters.`)
    .regex(DNS_SUBDOMAIN, `A ${what} name uses lowercase letters, digits, '-' and '.', and starts and ends with a letter or digit.`);

const domainSchema = z.object({
  host: z
    .string({ error: "Enter a domain, like app.example.com." })
    .trim()
    .superRefine((host, context) => {
      const problem = hostnameProblem(host);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .transform((host) => host.replace(/\.$/, "")),
  tls: z
    .union(
      [
        z.strictObject({ secretName: objectName("TLS Secret") }),
        z.strictObject({ clusterIssuer: objectName("cert-manager ClusterIssuer") }),
      ],
      { error: "TLS is either { secretName } (a Secret you created) or { clusterIssuer } (cert-manager issues one)." },
    )
    .nullable()
    .default(null),
});

const domainsSchema = z
  .array(domainSchema, { error: "Domains are a list of { host, tls }." })
  .max(MAX_DOMAINS, `An app has at most ${MAX_DOMAINS} domains.`)
  .superRefine((domains, context) => {
    const seen = new Set<string>();
    domains.forEach((domain, index) => {
      if (seen.has(domain.host)) context.addIssue({ code: "custom", path: [index, "host"], message: `${domain.host} is listed twice.` });
      seen.add(domain.host);
    });
    // One Ingress carries one cert-manager annotation, so its domains share an issuer.
    const issuers = new Set(domains.flatMap((domain) => (domain.tls && "clusterIssuer" in domain.tls ? [domain.tls.clusterIssuer] : [])));
    if (issuers.size > 1) {
      context.addIssue({ code: "custom", message: `All domains of an app use the same cert-manager issuer (found ${[...issuers].join(", ")}).` });
    }
  });

const volumeSchema = z.object({
  name: z
    .string({ error: "Enter a volume name." })
    .min(1, "Enter a volume name.")
    .max(40, "A volume name has at most 40 characters.")
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "A volume name uses lowercase letters, digits and hyphens, like data."),
  mountPath: z
    .string({ error: "Enter where to mount the volume, like /data." })
    .max(1024, "A mount path has at most 1024 characters.")
    .regex(/^\/[^\s:]*$/, "A mount path is absolute, without spaces or ':', like /data.")
    .refine((path) => !path.split("/").includes(".."), "A mount path cannot contain '..'.")
    .refine((path) => path.replace(/\/+$/, "") !== "", "A volume cannot be mounted on / — choose a folder like /data.")
    .transform((path) => path.replace(/\/+$/, "")),
  size: storageQuantity,
});

const volumesSchema = z
  .array(volumeSchema, { error: "Volumes are a list of { name, mountPath, size }." })
  .max(MAX_VOLUMES, `An app has at most ${MAX_VOLUMES} volumes.`)
  .superRefine((volumes, context) => {
    const names = new Set<string>();
    const paths: string[] = [];
    volumes.forEach((volume, index) => {
      if (names.has(volume.name)) context.addIssue({ code: "custom", path: [index, "name"], message: `The volume name ${volume.name} is used twice.` });
      names.add(volume.name);
      const clash = paths.find((other) => other === volume.mountPath || other.startsWith(`${volume.mountPath}/`) || volume.mountPath.startsWith(`${other}/`));
      if (clash) {
        context.addIssue({ code: "custom", path: [index, "mountPath"], message: `${volume.mountPath} overlaps ${clash}, where another volume is mounted.` });
      }
      paths.push(volume.mountPath);
    });
  });

const percent = (what: string) =>
  z
    .number({ error: `The ${what} target is a percentage between 1 and 100.` })
    .int(`The ${what} target is a whole percentage.`)
    .min(1, `The ${what} target is between 1 and 100 percent.`)
    .max(100, `The ${what} target is between 1 and 100 percent.`)
    .optional();

// ---------------------------------------------------------------------------------------------
// The whole

export interface RunSettingsLimits {
  /** Highest replicas (and autoscaling max) allowed; default from SLIPWAY_MAX_REPLICAS. */
  maxReplicas?: number;
}

/** The schema with the operator's limits; `runSettingsSchema` uses the environment's. */
export function createRunSettingsSchema({ maxReplicas = maxReplicasFromEnv() }: RunSettingsLimits = {}) {
  const replicaCount = (what: string, min: number) =>
    z
      .number({ error: `${what} is a whole number.` })
      .int(`${what} is a whole number.`)
      .min(min, `${what} is at least ${min}.`)
      .max(maxReplicas, `${what} is at most ${maxReplicas} (this server's limit).`);

  return z
    .object({
      port: portSchema.default(8080),
      /** Replaces the image's ENTRYPOINT; null = the image's own. */
      command: argvSchema("command"),
      /** Replaces the image's CMD; null = the image's own. */
      args: argvSchema("arguments"),
      env: envSchema.default([]),
      /** Names only: the encrypted values live beside the settings. */
      secrets: secretNamesSchema.default([]),
      /** Readiness and liveness; null = none (a pod is ready once its container runs). */
      healthCheck: healthCheckSchema,
      resources: resourcesSchema.default({ preset: "small" }),
      /** 0 pauses the app. Ignored while autoscaling is on. */
      replicas: replicaCount("Replicas", 0).default(1),
      autoscaling: z
        .object({
          enabled: z.boolean().default(false),
          min: replicaCount("The autoscaling minimum", 1).default(1),
          max: replicaCount("The autoscaling maximum", 1).default(3),
          cpuPercent: percent("CPU"),
          memoryPercent: percent("memory"),
        })
        .default({ enabled: false, min: 1, max: 3 })
        .superRefine((autoscaling, context) => {
          if (autoscaling.min > autoscaling.max) {
            context.addIssue({ code: "custom", path: ["min"], message: `The autoscaling minimum (${autoscaling.min}) is above the maximum (${autoscaling.max}).` });
          }
        }),
      domains: domainsSchema.default([]),
      volumes: volumesSchema.default([]),
      /** Roll back to the previous release when a rollout fails. */
      autoRollback: z.boolean().default(false),
      /**
       * Run the container as a non-root user. Slipway still runs as root an image that is known to
       * need it (its USER is root), since Kubernetes would refuse to start it otherwise.
       */
      runAsNonRoot: z.boolean().default(true),
      /** Mount the image's file system read-only (with a writable /tmp). */
      readOnlyRootFilesystem: z.boolean().default(false),
      /** A rollout that makes no progress for this long is failed. */
      progressDeadlineSeconds: z
        .number({ error: "The rollout deadline is a number of seconds." })
        .int("The rollout deadline is a whole number of seconds.")
        .min(10, "The rollout deadline is at least 10 seconds.")
        .max(3600, "The rollout deadline is at most 3600 seconds (an hour).")
        .default(300),
    })
    .superRefine((settings, context) => {
      const secretNames = new Set(settings.secrets);
      settings.env.forEach((entry, index) => {
        if (secretNames.has(entry.name)) {
          context.addIssue({ code: "custom", path: ["env", index, "name"], message: `${entry.name} is both a variable and a secret; keep one.` });
        }
        if (entry.name === "PORT" && entry.value !== String(settings.port)) {
          context.addIssue({
            code: "custom",
            path: ["env", index, "value"],
            message: `PORT is set by Slipway to the app's port (${settings.port}); change the port setting instead.`,
          });
        }
      });
      if (settings.secrets.includes("PORT")) {
        context.addIssue({ code: "custom", path: ["secrets"], message: "PORT is set by Slipway to the app's port; it cannot be a secret." });
      }
      if (settings.volumes.length > 0 && (settings.replicas > 1 || settings.autoscaling.enabled)) {
        // A ReadWriteOnce volume is attached to one node at a time (as on Render or Railway).
        context.addIssue({
          code: "custom",
          path: [settings.autoscaling.enabled ? "autoscaling" : "replicas"],
          message: "An app with a volume runs a single replica: a volume is attached to one pod at a time. Remove the volume to scale out.",
        });
      }
      if (settings.autoscaling.enabled) {
        const resources = resolveResources(settings.resources);
        const cpu = settings.autoscaling.cpuPercent ?? (settings.autoscaling.memoryPercent === undefined ? 80 : undefined);
        if (cpu !== undefined && !resources.requests.cpu) {
          context.addIssue({ code: "custom", path: ["resources"], message: "CPU autoscaling needs a CPU request: set resources.requests.cpu or pick a size." });
        }
        if (settings.autoscaling.memoryPercent !== undefined && !resources.requests.memory) {
          context.addIssue({ code: "custom", path: ["resources"], message: "Memory autoscaling needs a memory request: set resources.requests.memory or pick a size." });
        }
      }
    });
}

export const runSettingsSchema = createRunSettingsSchema();

export type RunSettings = z.output<typeof runSettingsSchema>;
export type RunSettingsInput = z.input<typeof runSettingsSchema>;
export type HealthCheck = RunSettings["healthCheck"];
export type DomainSetting = RunSettings["domains"][number];
export type VolumeSetting = RunSettings["volumes"][number];
export type AutoscalingSettings = RunSettings["autoscaling"];

/** The settings of a new app (a fresh copy each call, safe to change). */
export function defaultRunSettings(): RunSettings {
  return runSettingsSchema.parse({});
}

/** The settings of a new app; read-only, use defaultRunSettings() for a copy to edit. */
export const DEFAULT_RUN_SETTINGS: Readonly<RunSettings> = defaultRunSettings();

/** The autoscaling CPU target, with the default (80 %) when no metric is chosen. */
export function autoscalingTargets(autoscaling: AutoscalingSettings): { cpuPercent?: number; memoryPercent?: number } {
  if (autoscaling.cpuPercent === undefined && autoscaling.memoryPercent === undefined) return { cpuPercent: 80 };
  return { cpuPercent: autoscaling.cpuPercent, memoryPercent: autoscaling.memoryPercent };
}
