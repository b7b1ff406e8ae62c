import { spawn } from "node:child_process";
import { readHealth } from "../helpers/read-health.js";

/** How to run one app process: `node <script>` with exactly this environment. */
export interface AppProcessSpec {
  /** Names the process in messages, e.g. `app-2`. */
  readonly label: string;
  readonly script: string;
  readonly cwd: string;
  /** The whole environment (nothing is inherited), `PORT` included. */
  readonly env: Readonly<Record<string, string>>;
  /** `http://127.0.0.1:<PORT>`. */
  readonly url: string;
}

/** How a process ended, and when (epoch ms). */
export interface AppExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly at: number;
}

/** A started app process. */
export interface AppProcess {
  readonly spec: AppProcessSpec;
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<AppExit>;
  /** How it ended, or `undefined` while it runs. */
  exit(): AppExit | undefined;
  /** The end of what it wrote to stdout and stderr. */
  output(maxChars?: number): string;
  /** Sends a signal (nothing once it has exited). */
  signal(signal: NodeJS.Signals): void;
}

/** Output kept per process: enough for the log lines around a failure. */
const MAX_OUTPUT_CHARS = 200_000;

/**
 * Spawns the process and waits until `GET /healthz` answers 200. Throws with its output when it exits
 * first or is not ready within `timeoutMs` (it is killed then).
 */
export async function startAppProcess(spec: AppProcessSpec, timeoutMs = 30_000): Promise<AppProcess> {
  const child = spawn(process.execPath, [spec.script], {
    cwd: spec.cwd,
    env: { ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let ended: AppExit | undefined;
  const exited = new Promise<AppExit>((resolve) => {
    child.once("exit", (code, signal) => {
      ended = { code, signal, at: Date.now() };
      resolve(ended);
    });
  });
  const tail = (maxChars = 4_000) => output.slice(-maxChars);
  const started: AppProcess = {
    spec,
    pid: child.pid ?? 0,
    exited,
    exit: () => ended,
    output: tail,
    signal(signal) {
      if (ended === undefined) child.kill(signal);
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await readHealth(spec.url);
    if (health?.status === "ok") return started;
    if (ended !== undefined || Date.now() > deadline) {
      const why =
        ended === undefined ? `was not ready within ${timeoutMs} ms` : `exited (code ${ended.code}, signal ${ended.signal})`;
      started.signal("SIGKILL");
      await exited;
      throw new Error(`${spec.label} (${spec.script}) ${why}; its output ends:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
