import { describe, expect, it } from "vitest";
import { createBuildLog } from "@/server/build/build-log";
import { compareLayers } from "@/server/build/layer-comparison";
import { createRedactor } from "@/server/build/redact-secrets";

const layer = (digest: string, size: number) => ({ digest: `sha256:${digest}`, size });

describe("layer origins for the layer bar", () => {
  it("marks base, reused and new layers and sums their bytes", () => {
    const result = compareLayers({
      layers: [layer("a", 100), layer("b", 50), layer("c", 30), layer("d", 5)],
      baseLayers: [layer("a", 100), layer("b", 50)],
      previousLayers: [layer("a", 100), layer("b", 50), layer("c", 30), layer("old", 7)],
    });
    expect(result.layers.map((entry) => entry.origin)).toEqual(["base", "base", "reused", "new"]);
    expect(result).toMatchObject({ baseBytes: 150, reusedBytes: 30, newBytes: 5 });
  });

  it("marks everything new for a first build with an unknown base", () => {
    const result = compareLayers({ layers: [layer("a", 1), layer("b", 2)] });
    expect(result.layers.map((entry) => entry.origin)).toEqual(["new", "new"]);
    expect(result.newBytes).toBe(3);
  });
});

describe("the kept build log", () => {
  it("keeps everything while under the cap", () => {
    const log = createBuildLog({ maxBytes: 4096 });
    for (const line of ["STEP 1/2: FROM x", "STEP 2/2: RUN y"]) log.append(line);
    expect(log.text()).toBe("STEP 1/2: FROM x\nSTEP 2/2: RUN y\n");
    expect(log.omittedLines).toBe(0);
  });

  it("keeps the first and the last lines of a flood, with a notice of what was left out", () => {
    const log = createBuildLog({ maxBytes: 2048 });
    for (let index = 1; index <= 10_000; index += 1) log.append(`line ${String(index).padStart(5, "0")} ${"x".repeat(40)}`);
    const lines = log.lines();
    expect(lines[0]).toMatch(/^line 00001 /);
    expect(lines.at(-1)).toMatch(/^line 10000 /);
    const notice = lines.find((line) => line.startsWith("…"))!;
    expect(notice).toMatch(/^… 9,9\d\d lines \(\d+\.\d KB\) omitted: the build printed more than the log keeps \(2\.0 KB\) …$/);
    expect(log.totalLines).toBe(10_000);
    expect(log.omittedLines + lines.length - 1).toBe(10_000);
    expect(Buffer.byteLength(log.text())).toBeLessThanOrEqual(2048 + notice.length + 1);
  });

  it("shows the omitted size in MB for large floods", () => {
    const log = createBuildLog({ maxBytes: 64 * 1024 });
    for (let index = 0; index < 50_000; index += 1) log.append("y".repeat(100));
    expect(log.lines().find((line) => line.startsWith("…"))).toMatch(/lines \(4\.\d MB\) omitted/);
  });

  it("truncates a single enormous line", () => {
    const log = createBuildLog({ maxBytes: 1024 * 1024 });
    log.append("z".repeat(100_000));
    expect(log.lines()[0]!.endsWith("… (line truncated)")).toBe(true);
    expect(log.lines()[0]!.length).toBeLessThan(9_000);
  });

  it("redacts secrets before keeping a line", () => {
    const log = createBuildLog({ redact: createRedactor(["ghp_topsecret123"]) });
    log.append("fatal: could not read from https://x:ghp_topsecret123@github.com");
    expect(log.text()).toBe("fatal: could not read from https://x:[redacted]@github.com\n");
  });
});

describe("secret redaction", () => {
  it("redacts a secret as given, base64-encoded, URL-encoded, and line by line for keys", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBkZXBsb3kta2V5\n-----END OPENSSH PRIVATE KEY-----\n";
    const redact = createRedactor(["p@ss word/1", key, undefined, "", "ab"]);
    expect(redact("password p@ss word/1 here")).toBe("password [redacted] here");
    expect(redact(`Authorization: Basic ${Buffer.from("p@ss word/1").toString("base64")}`)).toBe("Authorization: Basic [redacted]");
    expect(redact("url p%40ss%20word%2F1")).toBe("url [redacted]");
    expect(redact("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ")).toBe("[redacted]");
    expect(redact("-----END OPENSSH PRIVATE KEY-----")).toBe("-----END OPENSSH PRIVATE KEY-----");
    // Short strings are never treated as secrets: they would redact ordinary words.
    expect(redact("ab cd")).toBe("ab cd");
  });
});
