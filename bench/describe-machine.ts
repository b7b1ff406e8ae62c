import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";

/** The machine and checkout a run measured, for the report's header. */
export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** `abc1234`, with a note when `src/` has uncommitted changes. */
  readonly commit: string;
  /** One-minute load averages when the run started and ended. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
}

/** CPU model, cores, memory, OS and kernel, Node.js version, the commit of `repoRoot`, and the load average. */
export function describeMachine(repoRoot: string, loadAtStart: number): MachineDescription {
  return {
    loadAtStart,
    loadAtEnd: loadavg()[0] ?? NaN,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${osName()} (Linux ${release()})`,
    node: process.version,
    commit: describeCommit(repoRoot),
  };
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "unknown";
  } catch {
    return process.platform;
  }
}

function describeCommit(repoRoot: string): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
    const head = git("rev-parse", "--short", "HEAD");
    return git("status", "--porcelain", "--", "src") === "" ? head : `${head} with uncommitted changes in src/`;
  } catch {
    return "unknown";
  }
}
