import { describe, expect, it } from "vitest";
import { parseSlipwayYaml } from "@/server/build/slipway-yaml";

const FULL = `# slipway.yaml
version: 1
build:
  dockerfile: docker/Dockerfile
  testCommand: npm test
  buildArgs:
    NODE_VERSION: 20
    FLAG: true
run:
  command: [node, server.js]
  port: 8080
  env: [DATABASE_URL, API_KEY]
  healthCheck:
    path: /healthz
  resources:
    cpu: 500m
    memory: 512Mi
  replicas: 2
  volumes:
    - name: data
      mountPath: /data
      size: 1Gi
`;

function problem(text: string) {
  const result = parseSlipwayYaml(text);
  if (result.ok) throw new Error("expected the file to be refused");
  return { line: result.line, column: result.column, message: result.message };
}

describe("slipway.yaml", () => {
  it("reads every build and run setting", () => {
    expect(parseSlipwayYaml(FULL)).toEqual({
      ok: true,
      config: {
        version: 1,
        build: { dockerfile: "docker/Dockerfile", testCommand: "npm test", buildArgs: { NODE_VERSION: "20", FLAG: "true" } },
        run: {
          command: ["node", "server.js"],
          port: 8080,
          env: ["DATABASE_URL", "API_KEY"],
          healthCheck: { path: "/healthz" },
          resources: { cpu: "500m", memory: "512Mi" },
          replicas: 2,
          volumes: [{ name: "data", mountPath: "/data", size: "1Gi" }],
        },
      },
    });
  });

  it("accepts an empty file and a file with only comments", () => {
    expect(parseSlipwayYaml("")).toEqual({ ok: true, config: {} });
    expect(parseSlipwayYaml("# nothing yet\n")).toEqual({ ok: true, config: {} });
  });

  it("accepts a preset, a command as text, a TCP health check and numeric CPU", () => {
    const result = parseSlipwayYaml("build:\n  preset: python\nrun:\n  command: gunicorn app:app\n  healthCheck:\n    tcp: true\n  resources:\n    cpu: 1\n");
    expect(result).toMatchObject({ ok: true, config: { build: { preset: "python" }, run: { command: "gunicorn app:app", healthCheck: { tcp: true }, resources: { cpu: "1" } } } });
  });

  it.each([
    ["run:\n  port: eighty\n", 2, 3, "run.port: must be a whole number between 1 and 65535"],
    ["run:\n  port: 70000\n", 2, 3, "run.port: must be between 1 and 65535"],
    ["build:\n  testCommand: npm test\nrun:\n  comand: node x.js\n", 4, 3, 'run.comand: unknown key "comand" (allowed here: command, port, env, healthCheck, resources, replicas, volumes)'],
    ["bild:\n  preset: node\n", 1, 1, 'bild: unknown key "bild" (allowed here: version, build, run)'],
    ["build:\n  preset: ruby\n", 2, 3, "build.preset: must be one of node, python, go, static"],
    ["build:\n  preset: node\n  dockerfile: Dockerfile\n", 1, 1, "build: set either dockerfile or preset, not both"],
    ["build:\n  dockerfile: ../outside/Dockerfile\n", 2, 3, 'build.dockerfile: The Dockerfile path cannot contain "..": it must stay inside the repository.'],
    ["build:\n  dockerfile: /etc/passwd\n", 2, 3, 'build.dockerfile: The Dockerfile path is relative to the repository: remove the leading "/".'],
    ["build:\n  buildArgs:\n    1BAD: x\n", 3, 5, "build.buildArgs.1BAD: build argument names use letters, digits and _, and do not start with a digit"],
    ["run:\n  env:\n    DATABASE_URL: postgres://u:p@db/app\n", 2, 3, "run.env: lists variable names only, like [DATABASE_URL, API_KEY]: set their values in Slipway"],
    ["run:\n  env:\n    - GOOD\n    - bad-name\n", 4, 7, "run.env[1]: names use letters, digits and _, and do not start with a digit"],
    ["run:\n  healthCheck:\n    path: healthz\n", 3, 5, "run.healthCheck.path: must be a URL path starting with /, like /healthz"],
    ["run:\n  resources:\n    memory: lots\n", 3, 5, "run.resources.memory: must be a positive Kubernetes quantity, like 512Mi"],
    ["run:\n  resources:\n    cpu: 0\n", 3, 5, "run.resources.cpu: must be a positive Kubernetes quantity, like 500m or 1"],
    ["run:\n  replicas: 2.5\n", 2, 3, "run.replicas: must be a whole number"],
    ["run:\n  volumes:\n    - name: Data\n      mountPath: /data\n      size: 1Gi\n", 3, 7, "run.volumes[0].name: must be lowercase letters, digits and hyphens"],
    ["run:\n  volumes:\n    - name: data\n      mountPath: data\n      size: 1Gi\n", 4, 7, "run.volumes[0].mountPath: must be an absolute path, like /data"],
    ["version: 2\n", 1, 1, "version: must be 1"],
  ])("points at the offending key: %j", (text, line, column, message) => {
    expect(problem(text)).toEqual({ line, column, message });
  });

  it("reports YAML syntax errors with their position", () => {
    expect(problem("build:\n\ttestCommand: x\n")).toEqual({ line: 2, column: 1, message: "Tabs are not allowed as indentation" });
    expect(problem("run:\n  port: [1, 2\n").line).toBe(3);
  });

  it("reports duplicate keys", () => {
    expect(problem("run:\n  port: 1\n  port: 2\n").line).toBe(3);
  });

  it("refuses a file that is not a map", () => {
    expect(problem("- a\n- b\n")).toEqual({ line: 1, column: 1, message: "the file must be a map with build: and run: sections" });
  });

  it("lists every problem, first one first", () => {
    const result = parseSlipwayYaml("run:\n  replicas: -1\n  port: 0\nbuild:\n  preset: x\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((entry) => entry.line)).toEqual([2, 3, 5]);
  });
});
