// Run settings as a user types them: every bad input the deploy issue lists is refused with a
// message that says what to change, before anything reaches a cluster.
import { describe, expect, it } from "vitest";
import {
  createRunSettingsSchema,
  DEFAULT_RUN_SETTINGS,
  defaultRunSettings,
  hostnameProblem,
  resolveResources,
  runSettingsSchema,
  secretEntriesSchema,
  type RunSettingsInput,
} from "@/server/apps/run-settings";
import { parseQuantity } from "@/server/kubernetes-quantity";

function problems(input: RunSettingsInput, schema = runSettingsSchema): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

function refused(input: RunSettingsInput, schema = runSettingsSchema): string {
  const found = problems(input, schema);
  expect(found, `expected ${JSON.stringify(input)} to be refused`).not.toEqual([]);
  return found.map((problem) => `${problem.path}: ${problem.message}`).join("\n");
}

describe("defaults", () => {
  it("a new app listens on 8080 with one small replica and nothing else", () => {
    expect(DEFAULT_RUN_SETTINGS).toMatchObject({
      port: 8080,
      command: null,
      args: null,
      env: [],
      secrets: [],
      healthCheck: null,
      resources: { preset: "small" },
      replicas: 1,
      autoscaling: { enabled: false, min: 1, max: 3 },
      domains: [],
      volumes: [],
      autoRollback: false,
      runAsNonRoot: true,
      readOnlyRootFilesystem: false,
      progressDeadlineSeconds: 300,
    });
    const copy = defaultRunSettings();
    copy.env.push({ name: "X", value: "1" });
    expect(DEFAULT_RUN_SETTINGS.env).toEqual([]);
  });

  it("an old snapshot without newer fields still parses, with their defaults", () => {
    expect(runSettingsSchema.parse({ port: 3000, replicas: 2 })).toMatchObject({ port: 3000, replicas: 2, volumes: [], autoRollback: false });
  });
});

describe("environment variables and secrets", () => {
  it.each(["1ABC", "MY-VAR", "MY VAR", "", "é", "A=B"])("refuses the variable name %j", (name) => {
    expect(refused({ env: [{ name, value: "x" }] })).toMatch(/env\.0\.name: (Enter a variable name|Variable names use letters, digits and _, and do not start with a digit)/);
  });

  it("accepts usual names", () => {
    expect(problems({ env: [{ name: "DATABASE_URL", value: "x" }, { name: "_private", value: "" }, { name: "a1", value: "y" }] })).toEqual([]);
  });

  it("refuses the same variable twice, pointing at the second", () => {
    expect(problems({ env: [{ name: "FOO", value: "1" }, { name: "BAR", value: "2" }, { name: "FOO", value: "3" }] })).toEqual([
      { path: "env.2.name", message: "FOO is set twice (also as variable #1); keep one." },
    ]);
  });

  it("refuses a duplicate secret name and a name that is both a variable and a secret", () => {
    expect(refused({ secrets: ["TOKEN", "TOKEN"] })).toContain("TOKEN is set twice");
    expect(refused({ env: [{ name: "TOKEN", value: "x" }], secrets: ["TOKEN"] })).toContain("env.0.name: TOKEN is both a variable and a secret; keep one.");
  });

  it("refuses a value over 32 KiB, counting bytes rather than characters", () => {
    expect(refused({ env: [{ name: "BIG", value: "x".repeat(32 * 1024 + 1) }] })).toContain("env.0.value: A value has at most 32 KiB");
    expect(problems({ env: [{ name: "OK", value: "x".repeat(32 * 1024) }] })).toEqual([]);
    expect(refused({ env: [{ name: "WIDE", value: "é".repeat(16 * 1024 + 1) }] })).toContain("at most 32 KiB");
  });

  it("refuses more than 256 KiB of variables in total", () => {
    const env = Array.from({ length: 9 }, (_, index) => ({ name: `V${index}`, value: "x".repeat(30 * 1024) }));
    expect(refused({ env })).toMatch(/env: All variables together have at most 256 KiB \(now 271 KiB\)/);
  });

  it("validates secret values the form sends before they are encrypted", () => {
    expect(secretEntriesSchema.safeParse([{ name: "TOKEN", value: "s3cret" }]).success).toBe(true);
    const duplicate = secretEntriesSchema.safeParse([{ name: "A", value: "1" }, { name: "A", value: "2" }]);
    expect(duplicate.success).toBe(false);
    const huge = secretEntriesSchema.safeParse([{ name: "A", value: "x".repeat(40_000) }]);
    expect(huge.error?.issues[0]?.message).toContain("at most 32 KiB");
  });

  it("lets PORT through only when it equals the port, since Slipway sets it", () => {
    expect(problems({ port: 3000, env: [{ name: "PORT", value: "3000" }] })).toEqual([]);
    expect(refused({ port: 3000, env: [{ name: "PORT", value: "8080" }] })).toContain("PORT is set by Slipway to the app's port (3000)");
    expect(refused({ secrets: ["PORT"] })).toContain("it cannot be a secret");
  });
});

describe("port, command and health check", () => {
  it.each([0, -1, 65536, 80.5, Number.NaN])("refuses port %s", (port) => {
    expect(refused({ port })).toContain("The port is a whole number between 1 and 65535.");
  });

  it("refuses a port given as text", () => {
    expect(refused({ port: "8080" as unknown as number })).toContain("The port is a whole number between 1 and 65535.");
  });

  it("accepts ports 1 and 65535", () => {
    expect(problems({ port: 1 })).toEqual([]);
    expect(problems({ port: 65535 })).toEqual([]);
  });

  it("takes command and args as lists; an empty list means the image's own", () => {
    expect(runSettingsSchema.parse({ command: ["node"], args: ["server.js", "--port", "8080"] })).toMatchObject({ command: ["node"], args: ["server.js", "--port", "8080"] });
    expect(runSettingsSchema.parse({ command: [] }).command).toBeNull();
    expect(refused({ command: "node server.js" as unknown as string[] })).toContain('The command is a list like ["node", "server.js"].');
    expect(refused({ args: [""] })).toContain("Arguments parts cannot be empty.");
  });

  it("accepts HTTP and TCP checks and refuses a path that is not one", () => {
    expect(problems({ healthCheck: { type: "http", path: "/healthz?full=1" } })).toEqual([]);
    expect(problems({ healthCheck: { type: "tcp" } })).toEqual([]);
    expect(refused({ healthCheck: { type: "http", path: "healthz" } })).toContain("starts with / and has no spaces");
    expect(refused({ healthCheck: { type: "http", path: "/with space" } })).toContain("starts with / and has no spaces");
    expect(refused({ healthCheck: { type: "grpc" } as never })).toContain('The health check is { type: "http", path } or { type: "tcp" }, or none.');
  });
});

describe("resources", () => {
  it("resolves presets to requests and limits", () => {
    expect(resolveResources({ preset: "nano" })).toEqual({ requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "250m", memory: "128Mi" } });
    expect(refused({ resources: { preset: "huge" } as never })).toContain("Choose a size (nano, small, medium, large, xlarge) or custom requests and limits.");
  });

  it("refuses limits below requests, as Kubernetes would", () => {
    expect(problems({ resources: { preset: "custom", requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "500m", memory: "512Mi" } } })).toEqual([
      { path: "resources.limits.cpu", message: "The cpu limit (500m) is below the cpu request (1); Kubernetes refuses that. Raise the limit or lower the request." },
      { path: "resources.limits.memory", message: "The memory limit (512Mi) is below the memory request (1Gi); Kubernetes refuses that. Raise the limit or lower the request." },
    ]);
    expect(problems({ resources: { preset: "custom", requests: { cpu: "0.5" }, limits: { cpu: "500m" } } })).toEqual([]);
  });

  it.each([
    [{ cpu: "lots" }, '"lots" is not a CPU amount'],
    [{ cpu: "-1" }, '"-1" is not a CPU amount'],
    [{ cpu: "0.0001" }, "CPU must be at least 1m"],
    [{ memory: "512m" }, 'did you mean 512Mi?'],
    [{ memory: "1KB" }, '"1KB" is not a memory size'],
    [{ memory: "1Mi" }, "Memory must be at least 4Mi"],
    [{ memory: "2Pi" }, "Memory must be at most 1Ti."],
  ])("refuses the request %j", (requests, message) => {
    expect(refused({ resources: { preset: "custom", requests, limits: {} } })).toContain(message);
  });

  it("parses Kubernetes quantities", () => {
    expect(parseQuantity("500m")).toBe(0.5);
    expect(parseQuantity("1Gi")).toBe(2 ** 30);
    expect(parseQuantity("1G")).toBe(1e9);
    expect(parseQuantity("1e3")).toBe(1000);
    expect(parseQuantity("1.5")).toBe(1.5);
    expect(parseQuantity("abc")).toBeNull();
  });
});

describe("replicas and autoscaling", () => {
  it("refuses more replicas than the operator allows, and negative ones", () => {
    expect(refused({ replicas: 21 })).toContain("Replicas is at most 20 (this server's limit).");
    expect(refused({ replicas: 6 }, createRunSettingsSchema({ maxReplicas: 5 }))).toContain("Replicas is at most 5");
    expect(refused({ replicas: -1 })).toContain("Replicas is at least 0.");
    expect(problems({ replicas: 0 })).toEqual([]);
  });

  it("refuses a minimum above the maximum, and a maximum above the cap", () => {
    expect(refused({ autoscaling: { enabled: true, min: 5, max: 2 } })).toContain("The autoscaling minimum (5) is above the maximum (2).");
    expect(refused({ autoscaling: { enabled: true, min: 1, max: 50 } })).toContain("The autoscaling maximum is at most 20");
    expect(refused({ autoscaling: { enabled: true, min: 1, max: 3, cpuPercent: 150 } })).toContain("between 1 and 100 percent");
  });

  it("needs a CPU request for CPU autoscaling", () => {
    expect(refused({ autoscaling: { enabled: true, min: 1, max: 3 }, resources: { preset: "custom", requests: { memory: "256Mi" }, limits: {} } })).toContain(
      "CPU autoscaling needs a CPU request",
    );
  });
});

describe("domains", () => {
  it.each([
    ["https://app.example.com", "without scheme or path"],
    ["app.example.com/path", "without scheme or path"],
    ["App.Example.com", "lowercase"],
    ["localhost", "is not a full domain name"],
    ["10.0.0.1", "not an IP address"],
    ["*.example.com", "Wildcard"],
    ["bad_name.example.com", "is not a valid domain"],
    ["-start.example.com", "is not a valid domain"],
    ["example.com:8080", "without a port"],
    [`${"a".repeat(64)}.example.com`, "longer than 63 characters"],
    ["", "Enter a domain"],
  ])("refuses %j", (host, message) => {
    expect(refused({ domains: [{ host }] })).toContain(message);
  });

  it("accepts a host and a trailing dot, and refuses it twice", () => {
    expect(runSettingsSchema.parse({ domains: [{ host: "app.example.com." }] }).domains).toEqual([{ host: "app.example.com", tls: null }]);
    expect(refused({ domains: [{ host: "a.example.com" }, { host: "a.example.com" }] })).toContain("a.example.com is listed twice.");
    expect(hostnameProblem("shop.example.co.uk")).toBeNull();
  });

  it("takes TLS as a Secret name or a cert-manager issuer, with one issuer per app", () => {
    expect(problems({ domains: [{ host: "a.example.com", tls: { secretName: "a-tls" } }, { host: "b.example.com", tls: { clusterIssuer: "letsencrypt" } }] })).toEqual([]);
    expect(refused({ domains: [{ host: "a.example.com", tls: { secretName: "A_TLS" } }] })).toContain("domains.0.tls.secretName: A TLS Secret name uses lowercase letters");
    expect(refused({ domains: [{ host: "a.example.com", tls: { secretName: "x", clusterIssuer: "y" } as never }] })).toContain("TLS is either");
    expect(
      refused({ domains: [{ host: "a.example.com", tls: { clusterIssuer: "one" } }, { host: "b.example.com", tls: { clusterIssuer: "two" } }] }),
    ).toContain("All domains of an app use the same cert-manager issuer (found one, two).");
  });
});

describe("volumes", () => {
  it("refuses duplicate names, overlapping or relative paths, and bad sizes", () => {
    expect(refused({ volumes: [{ name: "data", mountPath: "/data", size: "1Gi" }, { name: "data", mountPath: "/other", size: "1Gi" }] })).toContain("The volume name data is used twice.");
    expect(refused({ volumes: [{ name: "a", mountPath: "/data", size: "1Gi" }, { name: "b", mountPath: "/data/cache", size: "1Gi" }] })).toContain("/data/cache overlaps /data");
    expect(refused({ volumes: [{ name: "a", mountPath: "data", size: "1Gi" }] })).toContain("A mount path is absolute");
    expect(refused({ volumes: [{ name: "a", mountPath: "/", size: "1Gi" }] })).toContain("cannot be mounted on /");
    expect(refused({ volumes: [{ name: "a", mountPath: "/data/../etc", size: "1Gi" }] })).toContain("cannot contain '..'");
    expect(refused({ volumes: [{ name: "a", mountPath: "/data", size: "1Ki" }] })).toContain("A volume must be at least 1Mi");
    expect(refused({ volumes: [{ name: "A", mountPath: "/data", size: "1Gi" }] })).toContain("A volume name uses lowercase letters");
  });

  it("keeps an app with a volume at one replica", () => {
    expect(refused({ replicas: 2, volumes: [{ name: "data", mountPath: "/data", size: "1Gi" }] })).toContain("An app with a volume runs a single replica");
    expect(problems({ replicas: 1, volumes: [{ name: "data", mountPath: "/data/", size: "1Gi" }] })).toEqual([]);
  });
});
