import { describe, expect, it } from "vitest";
import { advance, decodeCursor, encodeCursor, ResumeFilter, sourceKey } from "@/server/logs/log-cursor";
import { compileLogFilter } from "@/server/logs/log-filter";
import { normalizeTimestamp, parseLogLine } from "@/server/logs/log-line";
import { parseLogStreamOptions, parseSince } from "@/server/logs/log-options";
import { summarizePod } from "@/server/cluster/pod-summary";

describe("log lines", () => {
  it("normalizes the kubelet's timestamps so that string order is time order", () => {
    expect(normalizeTimestamp("2026-11-28T01:28:53.1Z")).toBe("2026-11-28T01:28:53.100000000Z");
    expect(normalizeTimestamp("2026-11-28T01:28:53Z")).toBe("2026-11-28T01:28:53.000000000Z");
    expect(normalizeTimestamp("2026-11-28T02:28:53.123456789+01:00")).toBe("2026-11-28T01:28:53.123456789Z");
    expect(normalizeTimestamp("yesterday")).toBeNull();
    expect(normalizeTimestamp("2026-11-28T01:28:53.9Z")! > normalizeTimestamp("2026-11-28T01:28:53.123Z")!).toBe(true);
  });

  it("splits the timestamp from the text, keeps ANSI codes and cuts a runaway line", () => {
    expect(parseLogLine("2026-11-28T01:28:53.5Z \u001b[31merror\u001b[0m done", "x")).toEqual({ ts: "2026-11-28T01:28:53.500000000Z", text: "\u001b[31merror\u001b[0m done" });
    expect(parseLogLine("no timestamp here", "2026-01-01T00:00:00.000000000Z").ts).toBe("2026-01-01T00:00:00.000000000Z");
    expect(parseLogLine(`2026-11-28T01:28:53Z ${"x".repeat(70_000)}`, "x").text).toMatch(/\[line cut: \d+ more characters\]$/);
  });
});

describe("the resume cursor", () => {
  it("round-trips positions of several pods and containers, short for the app's own", () => {
    const positions = new Map([
      [sourceKey("web-7d9f8c6b5-x2x9k", "web"), { ts: "2026-11-28T01:28:53.123456789Z", n: 3 }],
      [sourceKey("web-7d9f8c6b5-abcde", "sidecar"), { ts: "2026-11-28T01:28:54.000000000Z", n: 1 }],
    ]);
    const encoded = encodeCursor({ startedAt: 1_795_000_000, positions }, "web");
    expect(encoded).toContain("~7d9f8c6b5-x2x9k/=");
    expect(encoded.length).toBeLessThan(100);
    expect(decodeCursor(encoded, "web")).toEqual({ startedAt: 1_795_000_000, positions });
  });

  it("ignores anything else", () => {
    for (const value of [null, "", "42", "1.zz.../=", "2.abc.", `1.abc.${"x".repeat(9000)}`, "1.abc.web/=1:1;drop"]) expect(decodeCursor(value, "web")).toBeNull();
  });

  it("skips exactly what was handled: earlier lines and the first n at the same timestamp", () => {
    const at = (s: number) => `2026-11-28T01:00:0${s}.000000000Z`;
    const filter = new ResumeFilter({ ts: at(2), n: 2 });
    const seen = [at(1), at(2), at(2), at(2), at(3), at(1)].map((ts) => filter.seen(ts));
    // The third line at :02 is new; after it nothing more is skipped, even an earlier timestamp.
    expect(seen).toEqual([true, true, true, false, false, false]);
    expect(advance(advance(undefined, at(1)), at(1))).toEqual({ ts: at(1), n: 2 });
    expect(advance({ ts: at(1), n: 2 }, at(2))).toEqual({ ts: at(2), n: 1 });
  });
});

describe("the log filter", () => {
  it("matches text case-insensitively, and regular expressions in linear time", () => {
    expect(compileLogFilter({ query: "", regex: false })).toBeNull();
    const text = compileLogFilter({ query: "Timeout", regex: false })!;
    expect([text("GET / TIMEOUT"), text("ok")]).toEqual([true, false]);
    const regex = compileLogFilter({ query: "^(a+)+$", regex: true })!;
    const started = performance.now();
    expect(regex(`${"a".repeat(30_000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses what RE2 cannot do, and overlong patterns, with a sentence for the field", () => {
    const problem = (query: string, regex = true) => {
      try {
        compileLogFilter({ query, regex });
        return null;
      } catch (error) {
        return { message: (error as Error).message, field: (error as { field?: string }).field };
      }
    };
    expect(problem("(x)\\1")).toEqual({ message: expect.stringMatching(/^Back-references/), field: "filter" });
    expect(problem("a(?!b)")).toEqual({ message: expect.stringMatching(/^Look-ahead/), field: "filter" });
    expect(problem("[z-a]")?.message).toMatch(/^That is not a valid regular expression/);
    expect(problem("x".repeat(501), false)?.message).toBe("The filter has at most 500 characters.");
  });
});

describe("log options", () => {
  it("reads tail, since, pods and containers, with defaults", () => {
    expect(parseLogStreamOptions(new URLSearchParams())).toEqual({ options: { tail: 500, since: undefined, pods: [], containers: [], filter: "", regex: false } });
    expect(parseLogStreamOptions(new URLSearchParams({ tail: "0", since: "15m", pods: "web-a-b,web-c-d", regex: "1", filter: "x" }))).toEqual({
      options: { tail: 0, since: 900, pods: ["web-a-b", "web-c-d"], containers: [], filter: "x", regex: true },
    });
    expect([parseSince("90"), parseSince("2d"), parseSince("1w")]).toEqual([90, 172_800, null]);
  });

  it("says what is out of range", () => {
    const problem = (query: Record<string, string>) => {
      const result = parseLogStreamOptions(new URLSearchParams(query));
      return "problem" in result ? result.problem : null;
    };
    expect(problem({ tail: "10001" })).toBe("Tail is a number of lines from 0 to 10,000.");
    expect(problem({ tail: "2.5" })).toBe("Tail is a number of lines from 0 to 10,000.");
    expect(problem({ since: "0" })).toBe("Since is a time from 1s to 30d, like 90s, 15m, 6h or 2d.");
    expect(problem({ since: "31d" })).toBe("Since is a time from 1s to 30d, like 90s, 15m, 6h or 2d.");
    expect(problem({ pods: "../etc" })).toBe('"../etc" is not a pod name.');
  });
});

describe("pod summaries", () => {
  it("reads a crash-looping pod like kubectl get pods does, with the last termination", () => {
    const pod = summarizePod({
      metadata: { name: "web-1-a", uid: "u", creationTimestamp: "2026-11-28T01:00:00Z", labels: { "slipway.dev/release": "4" } },
      spec: { nodeName: "node-0", containers: [{ name: "web" }] },
      status: {
        phase: "Running",
        containerStatuses: [{ name: "web", ready: false, restartCount: 7, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { reason: "Error", exitCode: 1, finishedAt: "2026-11-28T01:05:00Z" } } }],
      },
    });
    expect(pod).toMatchObject({ status: "CrashLoopBackOff", restarts: 7, readyContainers: 0, totalContainers: 1, node: "node-0", releaseVersion: 4, lastTermination: { reason: "Error", exitCode: 1 } });
    expect(pod.containers[0]).toMatchObject({ started: true, state: "waiting" });
    expect(summarizePod({ metadata: { name: "p", deletionTimestamp: "2026-11-28T01:00:00Z" }, status: { phase: "Running" } }).status).toBe("Terminating");
  });
});
