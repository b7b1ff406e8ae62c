import { DEFAULT_WORKER_SETTINGS } from "./delivery-workers.js";

/** The worker settings read from the environment. */
export interface WorkerSettings {
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
  /** How often the retry sweep (waiting deploys, the watchdog, pruning) runs. */
  readonly sweepMs: number;
}

/** The retry sweep runs every 30 s unless `SWEEP_INTERVAL_MS` says otherwise. */
export const DEFAULT_SWEEP_MS = 30_000;

const LIMITS = {
  WORKER_CONCURRENCY: { min: 1, max: 64 },
  WORKER_LEASE_SECONDS: { min: 1, max: 3600 },
  WORKER_POLL_MS: { min: 10, max: 60_000 },
  SWEEP_INTERVAL_MS: { min: 100, max: 600_000 },
} as const;

function readWhole(env: NodeJS.ProcessEnv, name: keyof typeof LIMITS, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const { min, max } = LIMITS[name];
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * `WORKER_CONCURRENCY` (deliveries processed at once per process, default 4), `WORKER_LEASE_SECONDS`
 * (how soon another process takes over the deliveries of one that died, default 30) and
 * `WORKER_POLL_MS` (how often idle workers look for deliveries other processes received, default 1000)
 * and `SWEEP_INTERVAL_MS` (how often the retry sweep and the watchdog run, default 30000).
 */
export function readWorkerSettings(env: NodeJS.ProcessEnv): WorkerSettings {
  return {
    concurrency: readWhole(env, "WORKER_CONCURRENCY", DEFAULT_WORKER_SETTINGS.concurrency),
    leaseMs: readWhole(env, "WORKER_LEASE_SECONDS", DEFAULT_WORKER_SETTINGS.leaseMs / 1000) * 1000,
    pollMs: readWhole(env, "WORKER_POLL_MS", DEFAULT_WORKER_SETTINGS.pollMs),
    sweepMs: readWhole(env, "SWEEP_INTERVAL_MS", DEFAULT_SWEEP_MS),
  };
}
