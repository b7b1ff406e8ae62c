import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of `/proc/<pid>/stat` times (`getconf CLK_TCK`, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; NaN when it cannot be read. */
export function processCpuMs(pid: number): number {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) / TICKS_PER_SECOND) * 1000;
  } catch {
    return NaN;
  }
}

/** CPU time used so far by every process of this machine named `name` (e.g. `postgres`), in ms. */
export function cpuMsOfProcessesNamed(name: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== name) continue;
    } catch {
      continue; // exited meanwhile
    }
    const used = processCpuMs(Number(entry));
    if (Number.isFinite(used)) total += used;
  }
  return total;
}

/** CPU time used so far (ms) by each process of this machine named `name`, by pid. */
export function cpuMsByProcessNamed(name: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== name) continue;
    } catch {
      continue; // exited meanwhile
    }
    const used = processCpuMs(Number(entry));
    if (Number.isFinite(used)) byPid.set(Number(entry), used);
  }
  return byPid;
}

/**
 * CPU time (ms) the processes of `after` used since `before` was read: a process started since
 * counts whole, one that exited meanwhile is left out (its share cannot be read any more), so the
 * figure never goes negative when other users' processes come and go.
 */
export function cpuMsSince(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, used] of after) total += Math.max(0, used - (before.get(pid) ?? 0));
  return total;
}
