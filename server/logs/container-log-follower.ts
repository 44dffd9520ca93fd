import "server-only";
import type { Readable } from "node:stream";
import { isClusterError, openPodLog, type ClusterConfig } from "@/server/cluster";
import { advance, ResumeFilter, type LogPosition } from "./log-cursor";
import { nowTimestamp, parseLogLine, MAX_LINE_CHARS } from "./log-line";

const MAX_RETRY_MS = 10_000;

/** Where a container's followed log starts: after a known line, at a time, or only new lines. */
export type StartFrom = { position: LogPosition } | { sinceTime: string } | { sinceSeconds: number } | { tailLines: 0 } | { all: true };

export interface FollowerOptions {
  kubeconfig: ClusterConfig;
  namespace: string;
  pod: string;
  container: string;
  key: string;
  signal: AbortSignal;
  startFrom: StartFrom;
  /** Where to continue when nothing was read yet and the stream must be reopened. */
  fallbackSince: string;
  onLine: (line: { key: string; pod: string; container: string; ts: string; text: string }) => void;
  onProblem: (message: string) => void;
  isPaused: () => boolean;
}

/** One container's followed log; reopened (from where it got to) when the API server closes it. */
export class ContainerLogFollower {
  private stream: Readable | undefined;
  private readonly stopper = new AbortController();
  private position: LogPosition | undefined;
  private markOpened!: () => void;
  /** Settles when the first attempt to open the stream succeeded or failed. */
  readonly opened = new Promise<void>((resolve) => (this.markOpened = resolve));

  constructor(private readonly options: FollowerOptions) {
    if ("position" in options.startFrom && options.startFrom.position.n > 0) this.position = options.startFrom.position;
  }

  pause() {
    this.stream?.pause();
  }

  resume() {
    this.stream?.resume();
  }

  stop() {
    this.stopper.abort();
    this.stream?.destroy();
  }

  private get stopped() {
    return this.stopper.signal.aborted || this.options.signal.aborted;
  }

  async run(): Promise<void> {
    const { kubeconfig, namespace, pod, container } = this.options;
    const signal = AbortSignal.any([this.options.signal, this.stopper.signal]);
    let startFrom = this.options.startFrom;
    let failures = 0;
    while (!this.stopped) {
      const resumeFilter = new ResumeFilter(this.position ?? ("position" in startFrom ? startFrom.position : undefined));
      try {
        const stream = await openPodLog({
          kubeconfig, namespace, pod, container, follow: true, signal,
          ...("position" in startFrom ? { sinceTime: startFrom.position.ts } : {}),
          ...("sinceTime" in startFrom ? { sinceTime: startFrom.sinceTime } : {}),
          ...("sinceSeconds" in startFrom ? { sinceSeconds: startFrom.sinceSeconds } : {}),
          ...("tailLines" in startFrom ? { tailLines: 0 } : {}),
        });
        if (this.stopped) {
          stream.destroy();
          return;
        }
        this.stream = stream;
        if (this.options.isPaused()) stream.pause();
        this.markOpened();
        failures = 0;
        await this.consume(stream, resumeFilter);
      } catch (error) {
        this.markOpened();
        if (this.stopped) return;
        if (isClusterError(error, "not_found")) return; // the pod is gone; the watch marks it ended
        failures += 1;
        // "waiting to start" is a state the pod leaves by itself; anything else is worth a word.
        if (!(isClusterError(error, "invalid") && /waiting to start|ContainerCreating|PodInitializing/i.test(error.message)) && failures >= 3) {
          this.options.onProblem(`Could not follow ${pod}/${container}: ${isClusterError(error) ? error.message : String(error)} Still trying.`);
        }
      } finally {
        this.stream = undefined;
      }
      if (this.stopped) return;
      // The stream ended (the container stopped, or the server closed it): go on from the last line.
      startFrom = this.position ? { position: this.position } : "position" in startFrom ? startFrom : { sinceTime: this.options.fallbackSince };
      await sleep(Math.min(MAX_RETRY_MS, 250 * 2 ** Math.min(failures, 6)), signal);
    }
  }

  private consume(stream: Readable, resumeFilter: ResumeFilter): Promise<void> {
    const { key, pod, container, onLine } = this.options;
    stream.setEncoding("utf8");
    let rest = "";
    return new Promise<void>((resolve) => {
      const handle = (raw: string) => {
        const { ts, text } = parseLogLine(raw, nowTimestamp());
        if (resumeFilter.seen(ts)) return;
        this.position = advance(this.position, ts);
        onLine({ key, pod, container, ts, text });
      };
      stream.on("data", (chunk: string) => {
        let start = 0;
        let text = rest + chunk;
        rest = "";
        for (let newline = text.indexOf("\n", start); newline !== -1; newline = text.indexOf("\n", start)) {
          handle(text.slice(start, newline));
          start = newline + 1;
        }
        text = text.slice(start);
        // A line without an end for this long is cut rather than held.
        if (text.length > MAX_LINE_CHARS * 2) handle(text);
        else rest = text;
      });
      const done = () => resolve();
      stream.once("end", done);
      stream.once("close", done);
      stream.once("error", done);
    });
  }
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
