/** Starting Slipway's own processes (web, worker) as children that stop together. */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** Runs a TypeScript entry point with tsx under the current Node; output goes to ours (prefixed) or to `logFile`. */
export function spawnTs(entry: string, args: string[], env: NodeJS.ProcessEnv, name: string, nodeFlags: string[] = [], logFile?: string): ChildProcess {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(root, entry), ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}] `;
  const file = logFile ? createWriteStream(logFile, { flags: "a" }) : undefined;
  const forward = (target: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line) target.write(prefix + line + "\n");
  };
  child.stdout?.on("data", forward(file ?? process.stdout));
  child.stderr?.on("data", forward(file ?? process.stderr));
  return child;
}

export function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}
