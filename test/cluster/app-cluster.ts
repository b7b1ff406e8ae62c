import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../helpers/free-port.js";
import { startAppProcess, type AppProcess, type AppProcessSpec } from "./app-process.js";

/** What every instance of a cluster shares. */
export interface ClusterOptions {
  readonly size: number;
  /** The built entry point, e.g. `<repo>/lib/main.js`. */
  readonly script: string;
  /** The environment of every instance; `PORT`, `PATH` and `HOME` are added per instance. */
  readonly env: Readonly<Record<string, string>>;
}

/** One instance: its address stays the same across restarts. */
export interface ClusterInstance {
  readonly index: number;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Where it receives webhooks: `<url>/api/github/webhooks`. */
  readonly webhookUrl: string;
  /** The current (or last) process. */
  readonly process: AppProcess;
  /** False from the moment it is killed until it answers `/healthz` again. */
  readonly running: boolean;
}

/** App processes sharing one store, each on its own port. */
export interface AppCluster {
  readonly instances: readonly ClusterInstance[];
  /** Sends SIGKILL and waits until the process is gone. */
  kill(index: number): Promise<void>;
  /** Starts the instance again with the same environment and port; resolves once it answers `/healthz`. */
  restart(index: number): Promise<void>;
  /** Every process's output so far, dead ones included, each with its label. */
  logs(maxCharsEach?: number): string;
  /** Kills whatever still runs (SIGKILL) and removes the working directory; safe to call twice. */
  stop(): Promise<void>;
}

/** Where Probot receives webhooks by default. */
const WEBHOOK_PATH = "/api/github/webhooks";

interface Slot {
  index: number;
  url: string;
  webhookUrl: string;
  spec: AppProcessSpec;
  process: AppProcess;
  running: boolean;
  /** Earlier processes of this slot, for the logs. */
  previous: AppProcess[];
}

/**
 * Starts `size` instances of the built app at once, each in a scratch working directory (so no `.env`
 * is read) with only the given variables, and waits until each answers `GET /healthz`. When one fails
 * to start, the others are killed before the error is thrown.
 */
export async function startCluster(options: ClusterOptions): Promise<AppCluster> {
  const cwd = mkdtempSync(join(tmpdir(), "deliverybot-cluster-"));
  const specs = await Promise.all(
    Array.from({ length: options.size }, async (_, index): Promise<AppProcessSpec> => {
      const port = await freePort();
      const env = { ...options.env, PORT: String(port), PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: cwd };
      return { label: `app-${index + 1}`, script: options.script, cwd, env, url: `http://127.0.0.1:${port}` };
    }),
  );
  const results = await Promise.allSettled(specs.map((spec) => startAppProcess(spec)));
  const failed = results.find((result) => result.status === "rejected");
  if (failed !== undefined) {
    for (const result of results) if (result.status === "fulfilled") result.value.signal("SIGKILL");
    await Promise.all(results.map((result) => (result.status === "fulfilled" ? result.value.exited : undefined)));
    rmSync(cwd, { recursive: true, force: true });
    throw failed.reason;
  }
  const slots = results.map((result, index): Slot => {
    const spec = specs[index] as AppProcessSpec;
    const started = (result as PromiseFulfilledResult<AppProcess>).value;
    return {
      index,
      url: spec.url,
      webhookUrl: `${spec.url}${WEBHOOK_PATH}`,
      spec,
      process: started,
      running: true,
      previous: [],
    };
  });
  const slot = (index: number): Slot => {
    const found = slots[index];
    if (found === undefined) throw new Error(`no instance ${index}`);
    return found;
  };

  return {
    instances: slots,
    async kill(index) {
      const target = slot(index);
      target.running = false;
      target.process.signal("SIGKILL");
      await target.process.exited;
    },
    async restart(index) {
      const target = slot(index);
      if (target.process.exit() === undefined) throw new Error(`${target.spec.label} is still running`);
      target.previous.push(target.process);
      target.process = await startAppProcess(target.spec);
      target.running = true;
    },
    logs(maxCharsEach = 3_000) {
      return slots
        .flatMap((s) =>
          [...s.previous, s.process].map((p) => `--- ${s.spec.label} (pid ${p.pid}) ---\n${p.output(maxCharsEach)}`),
        )
        .join("\n");
    },
    async stop() {
      for (const s of slots) s.process.signal("SIGKILL");
      await Promise.all(slots.map((s) => s.process.exited));
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
