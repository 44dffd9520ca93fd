/**
 * Runs one of the build tools (git, buildah, skopeo, ssh-keygen) with an argument array — never
 * a shell string — and a complete, minimal environment: the worker's own environment holds the
 * database URL and the encryption key, which no child process needs. Output is split into
 * lines, redacted, and forwarded as it arrives (within a tenth of a second), so the browser
 * sees the build live.
 */
import { spawn } from "node:child_process";
import { open } from "node:fs/promises";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { BuildError } from "./build-error";
import { withPrivateDir } from "./private-dir";
import type { Redactor } from "./redact-secrets";

export type OutputStream = "stdout" | "stderr";

export interface RunProcessOptions {
  cwd?: string;
  /** Added to the minimal base environment (PATH, HOME, locale). */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Called with each redacted output line as it arrives. */
  onLine?: (line: string, stream: OutputStream) => void;
  redact?: Redactor;
  /** Bytes of stdout and of stderr kept for the result (the start is kept); default 4 MiB. */
  captureBytes?: number;
}

export interface RunProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Redacted. */
  stdout: string;
  /** Redacted. */
  stderr: string;
}

const KILL_GRACE_MS = 5_000;

export async function runProcess(command: string, args: readonly string[], options: RunProcessOptions = {}): Promise<RunProcessResult> {
  const redact = options.redact ?? ((text: string) => text);
  const captureBytes = options.captureBytes ?? 4 * 1024 * 1024;
  throwIfAborted(options.signal);

  const captured: Record<OutputStream, { text: string; full: boolean }> = {
    stdout: { text: "", full: false },
    stderr: { text: "", full: false },
  };
  const emit = (stream: OutputStream, line: string) => {
    const clean = redact(line);
    const slot = captured[stream];
    if (!slot.full) {
      if (slot.text.length + clean.length + 1 > captureBytes) slot.full = true;
      else slot.text += `${clean}\n`;
    }
    options.onLine?.(clean, stream);
  };

  // Output goes to files, not pipes: buildah drops the end of a failing step's output when its
  // pipe is not drained fast enough (seen on a busy worker), and the end is where the error is.
  return withPrivateDir("output", async (dir) => {
    const followers = {
      stdout: await followFile(path.join(dir, "stdout"), (line) => emit("stdout", line)),
      stderr: await followFile(path.join(dir, "stderr"), (line) => emit("stderr", line)),
    };
    try {
      const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
        const child = spawn(command, [...args], {
          cwd: options.cwd,
          env: childEnv(options.env) as NodeJS.ProcessEnv,
          stdio: ["ignore", followers.stdout.fd, followers.stderr.fd],
          // Its own process group, so cancelling also stops what the tool started (RUN steps, ssh).
          detached: true,
        });

        let killTimer: NodeJS.Timeout | undefined;
        const onAbort = () => {
          killGroup(child.pid, "SIGTERM");
          killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), KILL_GRACE_MS);
          killTimer.unref();
        };
        options.signal?.addEventListener("abort", onAbort, { once: true });

        child.on("error", (error: NodeJS.ErrnoException) => {
          options.signal?.removeEventListener("abort", onAbort);
          if (error.code === "ENOENT") {
            reject(new BuildError("tool_missing", `${command} is not installed on the build server.`, { cause: error }));
          } else {
            reject(new BuildError("build_failed", `${command} could not be started: ${error.message}`, { cause: error }));
          }
        });
        child.on("close", (code, closeSignal) => {
          options.signal?.removeEventListener("abort", onAbort);
          if (killTimer) clearTimeout(killTimer);
          resolve({ exitCode: code, signal: closeSignal });
        });
      });
      await Promise.all([followers.stdout.finish(), followers.stderr.finish()]);
      if (options.signal?.aborted) throw abortError(options.signal);
      return { exitCode, signal, stdout: captured.stdout.text, stderr: captured.stderr.text };
    } finally {
      await Promise.all([followers.stdout.close(), followers.stderr.close()]);
    }
  });
}

const FOLLOW_INTERVAL_MS = 100;
// A flood is cut down in the kept log anyway; past this size the file is emptied (see followFile).
const MAX_OUTPUT_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Creates `file` for a child's output and reads it as it grows, calling `onLine` per line.
 * `finish()` reads what is left once the child has exited.
 */
async function followFile(file: string, onLine: (line: string) => void) {
  const handle = await open(file, "a+", 0o600);
  const decoder = new StringDecoder("utf8");
  const buffer = Buffer.alloc(64 * 1024);
  let position = 0;
  let partial = "";
  let reading: Promise<void> = Promise.resolve();
  let closed = false;

  const readAvailable = async () => {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const lines = (partial + decoder.write(buffer.subarray(0, bytesRead))).split(/\r\n|\n|\r/);
      partial = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    }
    if (position > MAX_OUTPUT_FILE_BYTES) {
      // The file is opened O_APPEND by the child, so after truncating its next write starts at 0.
      await handle.truncate(0);
      position = 0;
    }
  };
  const timer = setInterval(() => {
    if (!closed) reading = reading.then(readAvailable).catch(() => undefined);
  }, FOLLOW_INTERVAL_MS);

  return {
    fd: handle.fd,
    async finish() {
      clearInterval(timer);
      await reading;
      await readAvailable();
      const rest = partial + decoder.end();
      partial = "";
      if (rest !== "") onLine(rest);
    },
    async close() {
      clearInterval(timer);
      closed = true;
      await reading.catch(() => undefined);
      await handle.close().catch(() => undefined);
    },
  };
}

/** The environment every tool gets: enough to run, English messages we can recognise, nothing of ours. */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    TMPDIR: process.env.TMPDIR,
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, ...extra })) {
    if (value !== undefined) env[key] = value;
  }
  return env;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

export function abortError(signal: AbortSignal): BuildError {
  const reason = signal.reason as { name?: string } | undefined;
  if (reason?.name === "TimeoutError") {
    return new BuildError("timed_out", "The build took longer than its time limit and was stopped.");
  }
  return new BuildError("cancelled", "The build was cancelled.");
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
