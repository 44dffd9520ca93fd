/**
 * Makes the base images the presets build on, for a registry that cannot pull from Docker Hub
 * (this machine, an air-gapped CI): nothing is downloaded, the images are assembled from what
 * the host has and pushed under the names the presets use (server/build/preset-images.ts):
 *
 * - busybox: `FROM scratch` + the host's static busybox and its applet links, /etc/passwd with a
 *   non-root user 1000 — a shell and httpd, enough for the static preset and for test commands.
 * - node: built on that busybox image (so the two share their base layer, as real images do) +
 *   the host's `node` binary, the shared libraries `ldd` lists, npm and corepack, CA
 *   certificates, a `node` user with uid 1000 (as in the official image). Tagged as the Node
 *   preset expects; `RUN node --version && npm --version` proves it works before it is pushed.
 *
 * - golang: on busybox + the host's Go toolchain (the one tools/testcluster needs anyway) under
 *   /usr/local/go without its tests and docs, GOTOOLCHAIN=local, CA certificates.
 *
 * - python: on busybox + Debian's python3.11, its standard library and pip (apt python3-pip),
 *   with the libraries they link; `python` and `pip` on the PATH.
 *
 * Idempotent: images already in the registry
 * are left alone (checked with skopeo), so a warm run takes a second.
 *
 *   tsx scripts/services/base-images.ts [--registry 127.0.0.1:5055]
 */
import { execFile } from "node:child_process";
import { chmod, copyFile, cp, mkdir, readdir, realpath, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildImage } from "@/server/build/build-image";
import { presetImage, type PresetImage } from "@/server/build/preset-images";
import { withPrivateDir } from "@/server/build/private-dir";
import { pushImage } from "@/server/build/push-image";
import { DEFAULT_REGISTRY_PORT } from "./registry";

const run = promisify(execFile);

export interface BaseImages {
  /** The value for SLIPWAY_PRESET_IMAGE_PREFIX: "<registry>/slipway". */
  prefix: string;
  /** Full references of the images made (or found). */
  images: Partial<Record<PresetImage, string>>;
  /** Images that had to be built this time. */
  built: PresetImage[];
}

const PASSWD_BUSYBOX = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
const GROUP_BUSYBOX = "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n";
const PASSWD_NODE = "root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
const GROUP_NODE = "root:x:0:\nnode:x:1000:\nnogroup:x:65534:\n";

export async function ensureBaseImages(options: {
  registry: string;
  prefix?: string;
  onOutput?: (line: string) => void;
}): Promise<BaseImages> {
  // The local registry speaks plain http; buildah and skopeo must be told so.
  const insecure = (process.env.SLIPWAY_INSECURE_REGISTRIES ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (!insecure.includes(options.registry)) process.env.SLIPWAY_INSECURE_REGISTRIES = [...insecure, options.registry].join(",");

  const prefix = options.prefix ?? `${options.registry}/slipway`;
  const log = options.onOutput ?? (() => undefined);
  const built: PresetImage[] = [];
  const images: BaseImages["images"] = {};

  const busybox = presetImage("busybox", prefix);
  if (!(await exists(busybox))) {
    log(`Making ${busybox} from the host's busybox…`);
    await makeImage(busybox, buildBusyboxContext, log);
    built.push("busybox");
  }
  images.busybox = busybox;

  const node = presetImage("node", prefix);
  if (!(await exists(node))) {
    log(`Making ${node} from the host's node ${process.version}…`);
    await makeImage(node, (dir) => buildNodeContext(dir, busybox), log);
    built.push("node");
  }
  images.node = node;

  const golang = presetImage("golang", prefix);
  if (!(await exists(golang))) {
    log(`Making ${golang} from the host's Go toolchain…`);
    await makeImage(golang, (dir) => buildGolangContext(dir, busybox), log);
    built.push("golang");
  }
  images.golang = golang;

  const python = presetImage("python", prefix);
  if (!(await exists(python))) {
    log(`Making ${python} from Debian's python3 and python3-pip…`);
    await makeImage(python, (dir) => buildPythonContext(dir, busybox), log);
    built.push("python");
  }
  images.python = python;

  return { prefix, images, built };
}

/** A HEAD request for the manifest: the local registry speaks plain http and needs no login. */
async function exists(reference: string): Promise<boolean> {
  const slash = reference.indexOf("/");
  const colon = reference.lastIndexOf(":");
  const url = `http://${reference.slice(0, slash)}/v2/${reference.slice(slash + 1, colon)}/manifests/${reference.slice(colon + 1)}`;
  try {
    const response = await fetch(url, {
      method: "HEAD",
      headers: { Accept: "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json" },
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function makeImage(reference: string, prepare: (contextDir: string) => Promise<string>, log: (line: string) => void) {
  await withPrivateDir("base-image", async (contextDir) => {
    const dockerfile = await prepare(contextDir);
    const image = await buildImage({ contextDir, dockerfile: { content: dockerfile }, onOutput: log });
    await pushImage({ image: image.imageId, destination: reference, onOutput: log });
  });
}

/** rootfs/ for busybox: the binary and one link per applet, where busybox itself would install them. */
async function buildBusyboxContext(contextDir: string): Promise<string> {
  const rootfs = path.join(contextDir, "rootfs");
  const busybox = await realpath(await which("busybox"));
  await mkdir(path.join(rootfs, "bin"), { recursive: true });
  await copyFile(busybox, path.join(rootfs, "bin", "busybox"));
  const { stdout } = await run(busybox, ["--list-full"]);
  for (const applet of stdout.split("\n").map((line) => line.trim()).filter(Boolean)) {
    if (applet === "bin/busybox" || applet === "linuxrc") continue;
    const target = path.join(rootfs, applet);
    await mkdir(path.dirname(target), { recursive: true });
    await symlink(path.relative(path.dirname(target), path.join(rootfs, "bin", "busybox")), target).catch(() => undefined);
  }
  await writeEtc(rootfs, PASSWD_BUSYBOX, GROUP_BUSYBOX);
  return [
    "FROM scratch",
    "COPY rootfs/ /",
    "RUN mkdir -p /tmp /root /home/app && chmod 1777 /tmp && chown 1000:1000 /home/app",
    'LABEL org.opencontainers.image.description="Slipway stand-in for busybox, made from the host\'s busybox-static"',
    'CMD ["sh"]',
    "",
  ].join("\n");
}

/** rootfs/ for node: node, the libraries it links, npm and corepack, CA certificates. */
async function buildNodeContext(contextDir: string, busyboxImage: string): Promise<string> {
  const rootfs = path.join(contextDir, "rootfs");
  const node = await realpath(process.execPath);
  await mkdir(path.join(rootfs, "usr/local/bin"), { recursive: true });
  await copyFile(node, path.join(rootfs, "usr/local/bin/node"));

  await copyLinkedLibraries(node, rootfs);

  const hostModules = path.resolve(path.dirname(await realpath(await which("npm"))), "../..");
  for (const tool of ["npm", "corepack"]) {
    const source = path.join(hostModules, tool);
    const target = path.join(rootfs, "usr/local/lib/node_modules", tool);
    await cp(source, target, { recursive: true, verbatimSymlinks: true }).catch(() => undefined);
  }
  const links: Record<string, string> = {
    npm: "../lib/node_modules/npm/bin/npm-cli.js",
    npx: "../lib/node_modules/npm/bin/npx-cli.js",
    corepack: "../lib/node_modules/corepack/dist/corepack.js",
  };
  for (const [name, target] of Object.entries(links)) {
    await symlink(target, path.join(rootfs, "usr/local/bin", name)).catch(() => undefined);
  }

  await copyCertificates(rootfs);
  await writeEtc(rootfs, PASSWD_NODE, GROUP_NODE);
  const major = process.versions.node.split(".")[0];
  return [
    `FROM ${busyboxImage}`,
    "COPY rootfs/ /",
    "RUN mkdir -p /home/node && chown 1000:1000 /home/node && node --version && npm --version",
    `ENV NODE_VERSION=${process.versions.node} NPM_CONFIG_UPDATE_NOTIFIER=false`,
    `LABEL org.opencontainers.image.description="Slipway stand-in for node:${major}, made from the host's node ${process.version}"`,
    'CMD ["node"]',
    "",
  ].join("\n");
}

/**
 * rootfs/ for golang: the host's Go toolchain (the one tools/testcluster builds with) under
 * /usr/local/go, as in the official image, without its tests and docs; CA certificates, which
 * the Go preset copies into the runtime image.
 */
async function buildGolangContext(contextDir: string, busyboxImage: string): Promise<string> {
  const rootfs = path.join(contextDir, "rootfs");
  const { stdout } = await run(await which("go"), ["env", "GOROOT", "GOVERSION"]);
  const [goroot, version] = stdout.trim().split("\n");
  const skipped = new Set(["test", "doc", "api", "misc"].map((dir) => path.join(goroot!, dir)));
  await cp(goroot!, path.join(rootfs, "usr/local/go"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !skipped.has(source) && path.basename(source) !== "testdata" && !source.endsWith("_test.go"),
  });
  await copyCertificates(rootfs);
  return [
    `FROM ${busyboxImage}`,
    "COPY rootfs/ /",
    "ENV PATH=/usr/local/go/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GOPATH=/go GOTOOLCHAIN=local",
    "RUN mkdir -p /go && go version",
    `LABEL org.opencontainers.image.description="Slipway stand-in for golang, made from the host's ${version}"`,
    'CMD ["go"]',
    "",
  ].join("\n");
}

/**
 * rootfs/ for python: Debian's python3.11 with its standard library, pip, and the libraries
 * they and the standard library's extension modules link, at the paths Debian puts them (its
 * interpreter looks for pip in /usr/lib/python3/dist-packages); `python` and `pip` on the PATH.
 * Without Debian's EXTERNALLY-MANAGED marker: in an image, as in the official one, pip installs.
 */
async function buildPythonContext(contextDir: string, busyboxImage: string): Promise<string> {
  const rootfs = path.join(contextDir, "rootfs");
  const interpreter = "/usr/bin/python3.11";
  if (!(await realpath(interpreter).catch(() => undefined))) throw new Error("python3.11 is not installed: apt-get install python3 python3-pip");
  const copyTree = (source: string) => cp(source, path.join(rootfs, source), { recursive: true, verbatimSymlinks: true, filter: (file) => !["__pycache__", "test", "EXTERNALLY-MANAGED"].includes(path.basename(file)) });
  await copyTree("/usr/lib/python3.11");
  await copyTree("/usr/lib/python3/dist-packages/pip");
  await mkdir(path.join(rootfs, "usr/bin"), { recursive: true });
  await copyFile(interpreter, path.join(rootfs, interpreter));
  const modules = (await readdir("/usr/lib/python3.11/lib-dynload")).map((file) => path.join("/usr/lib/python3.11/lib-dynload", file));
  for (const binary of [interpreter, ...modules]) await copyLinkedLibraries(binary, rootfs);
  await mkdir(path.join(rootfs, "usr/local/bin"), { recursive: true });
  for (const name of ["python", "python3"]) await symlink(interpreter, path.join(rootfs, "usr/local/bin", name));
  for (const name of ["pip", "pip3"]) {
    await writeFile(path.join(rootfs, "usr/local/bin", name), `#!/bin/sh\nexec ${interpreter} -m pip "$@"\n`);
    await chmod(path.join(rootfs, "usr/local/bin", name), 0o755);
  }
  await copyCertificates(rootfs);
  const { stdout } = await run(interpreter, ["-c", "import platform; print(platform.python_version())"]);
  return [
    `FROM ${busyboxImage}`,
    "COPY rootfs/ /",
    "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8",
    "RUN python --version && pip --version",
    `LABEL org.opencontainers.image.description="Slipway stand-in for python, made from Debian's Python ${stdout.trim()}"`,
    'CMD ["python3"]',
    "",
  ].join("\n");
}

/** Copies into rootfs/ every shared library `ldd` lists for `binary`, at its own path. */
async function copyLinkedLibraries(binary: string, rootfs: string) {
  const { stdout } = await run("ldd", [binary]);
  for (const line of stdout.split("\n")) {
    // "libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"
    const library = /=>\s+(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)\s+\(/.exec(line)?.[1];
    if (!library) continue;
    const target = path.join(rootfs, library);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(await realpath(library), target);
  }
}

async function copyCertificates(rootfs: string) {
  const certificates = "/etc/ssl/certs/ca-certificates.crt";
  if (await realpath(certificates).catch(() => undefined)) {
    await mkdir(path.join(rootfs, "etc/ssl/certs"), { recursive: true });
    await copyFile(certificates, path.join(rootfs, certificates));
  }
}

async function writeEtc(rootfs: string, passwd: string, group: string) {
  await mkdir(path.join(rootfs, "etc"), { recursive: true });
  await writeFile(path.join(rootfs, "etc/passwd"), passwd);
  await writeFile(path.join(rootfs, "etc/group"), group);
  await chmod(path.join(rootfs, "etc/passwd"), 0o644);
}

async function which(command: string): Promise<string> {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(":")) {
    const candidate = path.join(dir, command);
    if (await realpath(candidate).catch(() => undefined)) return candidate;
  }
  throw new Error(`${command} is not installed: apt-get install ${command === "busybox" ? "busybox-static" : command}`);
}


if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf("--registry");
  const registry = index === -1 ? `127.0.0.1:${process.env.SLIPWAY_REGISTRY_PORT ?? DEFAULT_REGISTRY_PORT}` : process.argv[index + 1]!;
  const result = await ensureBaseImages({ registry, onOutput: (line) => console.log(line) });
  console.log(`Base images in ${registry}: ${Object.values(result.images).join(", ")} (built now: ${result.built.join(", ") || "none"}).`);
  console.log(`Use SLIPWAY_PRESET_IMAGE_PREFIX=${result.prefix} SLIPWAY_INSECURE_REGISTRIES=${registry}`);
}
