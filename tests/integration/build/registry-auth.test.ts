/**
 * Registry credentials: given to buildah and skopeo as a 0600 auth file, never on the command
 * line, and never echoed. The test registry gets HTTP basic auth from a small proxy in front of
 * it (Distribution's own htpasswd auth needs bcrypt hashes, which nothing here makes).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildImage } from "@/server/build/build-image";
import { inspectImage } from "@/server/build/inspect-image";
import { presetImage } from "@/server/build/preset-images";
import { pushImage } from "@/server/build/push-image";
import { withPrivateDir } from "@/server/build/private-dir";
import { useTestBuildEnvironment } from "./build-env";

const USER = "ci-robot";
const PASSWORD = "registry-p4ssw0rd-never-shown";
let proxy: http.Server;
let proxied: string;
let imageId: string;

beforeAll(async () => {
  const env = useTestBuildEnvironment();
  const [targetHost, targetPort] = env.registry.split(":");
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`;
  proxy = http.createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, {
        "WWW-Authenticate": 'Basic realm="slipway test registry"',
        "Docker-Distribution-Api-Version": "registry/2.0",
        "Content-Type": "application/json",
      });
      res.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] }));
      return;
    }
    const upstream = http.request({ host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxied = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  process.env.SLIPWAY_INSECURE_REGISTRIES = `${env.registry},${proxied}`;

  imageId = await withPrivateDir("auth-test", async (context) => {
    const built = await buildImage({ contextDir: context, dockerfile: { content: `FROM ${presetImage("busybox", env.prefix)}\nLABEL test=registry-auth\n` } });
    return built.imageId;
  });
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
});

describe("a registry that needs credentials", () => {
  it("accepts a push and an inspect with the right credentials", async () => {
    const auth = { registry: proxied, username: USER, password: PASSWORD };
    const output: string[] = [];
    const pushed = await pushImage({ image: imageId, destination: `${proxied}/private/app:v1`, auth, onOutput: (line) => output.push(line) });
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const inspected = await inspectImage(pushed.reference, { auth });
    expect(inspected.digest).toBe(pushed.digest);
    expect(inspected.config.Labels).toMatchObject({ test: "registry-auth" });
    expect(output.join("\n")).not.toContain(PASSWORD);
  });

  it("says the credentials were refused, without repeating them", async () => {
    const wrong = "wrong-p4ssw0rd-also-secret";
    const output: string[] = [];
    const error = await pushImage({
      image: imageId,
      destination: `${proxied}/private/app:v2`,
      auth: { registry: proxied, username: USER, password: wrong },
      onOutput: (line) => output.push(line),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "registry_auth_failed" });
    const text = `${(error as Error).message}\n${(error as { detail?: string }).detail}\n${output.join("\n")}`;
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(Buffer.from(`${USER}:${wrong}`).toString("base64"));
  });

  it("says credentials are needed when none are given", async () => {
    await expect(inspectImage(`${proxied}/private/app:v1`)).rejects.toMatchObject({ code: "registry_auth_failed" });
  });
});
