/**
 * Runs one of the build tools (git, buildah, skopeo, ssh-keygen) with an argument array — never
 * a shell string — and a complete, minimal environment: the worker's own environment holds the
 * database URL and the encryption key, which no child process needs. Output is split into
 * lines, redacted, and forwarded as it arrives, so the browser sees the build live.
 */
import { spawn } from "node:child_process";
import { BuildError } from "./build-error";
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

export function runProcess(command: string, args: readonly string[], options: RunProcessOptions = {}): Promise<RunProcessResult> {
  const redact = options.redact ?? ((text: string) => text);
  const captureBytes = options.captureBytes ?? 4 * 1024 * 1024;
  throwIfAborted(options.signal);

  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: childEnv(options.env) as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so cancelling also stops what the tool started (RUN steps, ssh).
      detached: true,
    });

    const captured: Record<OutputStream, { text: string; full: boolean }> = {
      stdout: { text: "", full: false },
      stderr: { text: "", full: false },
    };
    const partial: Record<OutputStream, string> = { stdout: "", stderr: "" };

    const emit = (stream: OutputStream, line: string) => {
      const clean = redact(line);
      const slot = captured[stream];
      if (!slot.full) {
        if (slot.text.length + clean.length + 1 > captureBytes) slot.full = true;
        else slot.text += `${clean}\n`;
      }
      options.onLine?.(clean, stream);
    };
    const onData = (stream: OutputStream) => (chunk: Buffer) => {
      const text = partial[stream] + chunk.toString("utf8");
      const lines = text.split(/\r\n|\n|\r/);
      partial[stream] = lines.pop() ?? "";
      for (const line of lines) emit(stream, line);
    };
    child.stdout.on("data", onData("stdout"));
    child.stderr.on("data", onData("stderr"));

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
    child.on("close", (exitCode, signal) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (killTimer) clearTimeout(killTimer);
      for (const stream of ["stdout", "stderr"] as const) {
        if (partial[stream] !== "") emit(stream, partial[stream]);
      }
      if (options.signal?.aborted) {
        reject(abortError(options.signal));
        return;
      }
      resolve({ exitCode, signal, stdout: captured.stdout.text, stderr: captured.stderr.text });
    });
  });
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
