import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { freePort } from "../test/helpers/free-port.js";
import { nowMs } from "./send-webhooks.js";

/** A Node.js server the bench started, with how long it took to answer. */
export interface ServerProcess {
  readonly pid: number;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** From spawn to the first 200 from the readiness path, in ms. */
  readonly startMs: number;
  /** Resident memory now and at its peak (`VmRSS`, `VmHWM` from `/proc/<pid>/status`), in KiB. */
  memoryKiB(): { rss: number; peak: number };
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** What to start and how to tell it is ready. */
export interface ServerSpec {
  /** The script `node` runs. */
  readonly script: string;
  /** The whole environment (nothing is inherited); `PORT` is added. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Polled with GET until it answers 200, e.g. `/healthz`. */
  readonly readyPath: string;
  /** Where stdout and stderr go. */
  readonly logFile: string;
  readonly timeoutMs?: number;
}

/** Spawns `node <script>` and waits until `readyPath` answers 200; throws with the log's tail if it dies or times out. */
export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(spec.logFile, { flags: "a" });
  const started = nowMs();
  const child = spawn(process.execPath, [spec.script], { cwd: spec.cwd, env: { ...spec.env, PORT: String(port) } });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const deadline = started + (spec.timeoutMs ?? 60_000);
  while (!(await answers200(`${url}${spec.readyPath}`))) {
    if (exitCode !== undefined || nowMs() > deadline) {
      child.kill("SIGKILL");
      const why = exitCode !== undefined ? `exited with ${exitCode}` : "did not become ready in time";
      throw new Error(`${spec.script} ${why}; its log ends:\n${tail(spec.logFile)}`);
    }
    await sleep(20);
  }
  const startMs = nowMs() - started;
  const pid = child.pid ?? 0;

  return {
    pid,
    url,
    startMs,
    memoryKiB: () => readMemory(pid),
    async stop(graceMs = 30_000) {
      if (exitCode !== undefined) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function readMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
