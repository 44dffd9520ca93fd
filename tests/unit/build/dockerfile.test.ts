import { describe, expect, it } from "vitest";
import { checkDockerfileSyntax, findBaseImage } from "@/server/build/dockerfile";

describe("Dockerfile syntax check", () => {
  it("accepts ordinary Dockerfiles with comments, continuations and parser directives", () => {
    const text = "# syntax=docker/dockerfile:1\nARG BASE=node:20\nFROM ${BASE} AS build\n\n# install\nRUN apt-get update \\\n  # a comment inside\n  && apt-get install -y curl\nCOPY . .\nFROM build\nCMD [\"node\"]\n";
    const result = checkDockerfileSyntax(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.instructions.map((i) => `${i.line}:${i.keyword}`)).toEqual(["2:ARG", "3:FROM", "6:RUN", "9:COPY", "10:FROM", "11:CMD"]);
  });

  it("names the line of an unknown instruction and suggests the right one", () => {
    expect(checkDockerfileSyntax("FROM busybox\nCOPY . .\nRUNN echo\n")).toEqual({ ok: false, line: 3, message: 'Dockerfile line 3: unknown instruction "RUNN" (did you mean RUN?).' });
    expect(checkDockerfileSyntax("FORM busybox\n")).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/"FORM" \(did you mean FROM\?\)/) });
    expect(checkDockerfileSyntax("FROM a\nBANANA x\n")).toEqual({ ok: false, line: 2, message: 'Dockerfile line 2: unknown instruction "BANANA".' });
  });

  it("requires FROM first and an argument for each instruction", () => {
    expect(checkDockerfileSyntax("RUN echo\nFROM x\n")).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/first instruction must be FROM/) });
    expect(checkDockerfileSyntax("FROM\n")).toMatchObject({ ok: false, line: 1, message: "Dockerfile line 1: FROM needs an argument." });
    expect(checkDockerfileSyntax("# only a comment\n")).toMatchObject({ ok: false, message: expect.stringMatching(/no FROM instruction/) });
  });

  it("honours the escape directive", () => {
    expect(checkDockerfileSyntax("# escape=`\nFROM x\nRUN echo a `\n  b\n").ok).toBe(true);
  });
});

describe("base image of the final stage", () => {
  it("follows stages and substitutes ARG defaults and build args", () => {
    const text = "ARG PREFIX=docker.io/library\nARG TAG\nFROM ${PREFIX}/node:${TAG} AS base\nFROM golang:1.22 AS build\nFROM base AS final\nCOPY --from=build /x /x\n";
    expect(findBaseImage(text, { TAG: "20" })).toBe("docker.io/library/node:20");
    expect(findBaseImage(text, { PREFIX: "r.test", TAG: "22" })).toBe("r.test/node:22");
    expect(findBaseImage("FROM --platform=linux/amd64 busybox:1.36\n")).toBe("busybox:1.36");
    expect(findBaseImage("FROM scratch\nCOPY x /\n")).toBeUndefined();
  });
});
