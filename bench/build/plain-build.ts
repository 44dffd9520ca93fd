/**
 * The plain-tool equivalent of one Slipway build, as a person would type it: clone the branch,
 * `buildah bud --layers`, `buildah push`. The options are the ones this machine needs and
 * Slipway uses too (vfs storage, chroot isolation, a storage root of its own); the local
 * registry speaks plain http, so pull and push get --tls-verify=false where Slipway writes an
 * `insecure = true` registries.conf entry — the same effect. Each command is timed on its own;
 * the build's time is their sum.
 */
import { spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { storageDriver } from "@/server/build/storage-driver";
import { createInterface } from "node:readline";

export interface PlainBuildInput {
  repoUrl: string;
  branch: string;
  /** A storage root of its own: empty for a cold build, the previous build's for a warm one. */
  storageRoot: string;
  /** Where the checkout goes (removed first). */
  checkoutDir: string;
  buildArgs: Record<string, string>;
  /** Full reference to tag and push to: "<registry>/plain/<app>:<tag>". */
  destination: string;
  /** Where the commands' output is written. */
  logFile: string;
}

export interface PlainBuildResult {
  seconds: number;
  phases: { clone_s: number; bud_s: number; push_s: number };
  /** The exact commands timed, with this run's paths. */
  commands: string[][];
}

export async function plainBuild(input: PlainBuildInput): Promise<PlainBuildResult> {
  await rm(input.checkoutDir, { recursive: true, force: true });
  await mkdir(input.storageRoot, { recursive: true });
  // The same storage driver as Slipway's builds, so both sides do the same work.
  const { driver, options } = await storageDriver();
  const storage = ["--root", path.join(input.storageRoot, "storage"), "--runroot", path.join(input.storageRoot, "run"), "--storage-driver", driver, ...options];
  const commands = {
    clone: ["git", "clone", "--quiet", "--depth", "1", "--branch", input.branch, "--", input.repoUrl, input.checkoutDir],
    bud: [
      "buildah", ...storage, "bud", "--layers", "--isolation", "chroot", "--pull=missing", "--tls-verify=false",
      ...Object.entries(input.buildArgs).flatMap(([name, value]) => ["--build-arg", `${name}=${value}`]),
      "-t", input.destination, input.checkoutDir,
    ],
    push: ["buildah", ...storage, "push", "--tls-verify=false", input.destination, `docker://${input.destination}`],
  };

  await mkdir(path.dirname(input.logFile), { recursive: true });
  const log: string[] = [];
  const timed = async (command: string[]) => {
    const started = performance.now();
    await runLogged(command, (line) => log.push(`${((performance.now() - started) / 1000).toFixed(2).padStart(7)} ${line}`));
    const seconds = (performance.now() - started) / 1000;
    log.push(`${seconds.toFixed(2).padStart(7)} (exit)`);
    return { seconds };
  };

  const clone = await timed(commands.clone);
  const bud = await timed(commands.bud);
  const push = await timed(commands.push);
  await rm(input.checkoutDir, { recursive: true, force: true });
  await writeFile(input.logFile, `${log.join("\n")}\n`);
  return {
    seconds: clone.seconds + bud.seconds + push.seconds,
    phases: { clone_s: clone.seconds, bud_s: bud.seconds, push_s: push.seconds },
    commands: [commands.clone, commands.bud, commands.push],
  };
}

/** Runs a command, passing each output line (stdout and stderr) as it arrives; rejects on a non-zero exit. */
function runLogged(command: string[], onLine: (line: string) => void): Promise<void> {
  onLine(`$ ${command.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        onLine(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      });
    }
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command.join(" ")} exited with ${code}:\n${tail.join("\n")}`))));
  });
}
