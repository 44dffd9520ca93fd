/**
 * CPU seconds used so far by this process and by the child processes it has waited for (git,
 * buildah, skopeo and everything they ran; Linux counts a finished child's own children into
 * it). On a shared machine wall-clock times swing with other people's load; CPU time swings far
 * less, so the benchmark reports both. PostgreSQL runs as a child too but is only waited for at
 * the end, so it is not counted.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

export interface CpuTime {
  /** This process (Slipway's worker code, the tRPC calls, the benchmark itself), user + system. */
  self_s: number;
  /** Waited-for child processes, user and system. */
  children_user_s: number;
  children_sys_s: number;
}

export function cpuTime(): CpuTime {
  // /proc/self/stat: the command name is in parentheses and may hold spaces; fields count from after it.
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 16 and 17 of proc(5) (cutime, cstime) are at 13 and 14 once pid and comm are dropped.
  const self = process.cpuUsage();
  return {
    self_s: (self.user + self.system) / 1e6,
    children_user_s: Number(fields[13]) / ticksPerSecond,
    children_sys_s: Number(fields[14]) / ticksPerSecond,
  };
}

export function cpuSince(start: CpuTime): CpuTime {
  const now = cpuTime();
  return {
    self_s: now.self_s - start.self_s,
    children_user_s: now.children_user_s - start.children_user_s,
    children_sys_s: now.children_sys_s - start.children_sys_s,
  };
}
