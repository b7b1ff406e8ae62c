/** How much each measure sends; `BENCH_QUICK=1` divides the sizes by ten for a smoke run. */
export interface BenchSettings {
  /** Connections kept open by the acknowledgement benchmark, each sending its next webhook when answered. */
  readonly concurrency: number;
  /** Webhooks the baseline gets before anything is measured (it warms the load generator up too). */
  readonly baselineWarmup: number;
  readonly ingestWarmup: number;
  readonly ingestEvents: number;
  /** Acknowledgement rounds per backend, each a baseline batch then an app batch. */
  readonly ingestRounds: number;
  /** Events of the rate-limit mix that need no action; `flows` gated auto-deploys (3 events each) complete the mix. */
  readonly noActionEvents: number;
  readonly flows: number;
  readonly e2eRuns: number;
  /** Events an app process has received when its memory is read. */
  readonly memoryEvents: number;
  /**
   * The notification measure: webhooks of each arm's warm-up (besides 4 deployments) and of its
   * burst (the acknowledgement mix with `notifyDeployments` deployments in it, 4 webhooks each),
   * rounds (each an arm without a channel and one with), and deployments of the paced latency
   * phase of each arm with the channel.
   */
  readonly notifyWarmup: number;
  readonly notifyEvents: number;
  readonly notifyDeployments: number;
  readonly notifyRounds: number;
  readonly notifyPacedDeployments: number;
  /** The dashboard measure: deployments seeded into the store, loads per page after `dashboardWarmup` rounds of warm-up. */
  readonly dashboardDeployments: number;
  readonly dashboardWarmup: number;
  readonly dashboardLoads: number;
  /** PostgreSQL server for the `DATABASE_URL` backend (a schema is created per run). */
  readonly databaseUrl: string;
  /** `node` script of the app (default `lib/main.js` of this checkout). */
  readonly appScript: string;
  /** Whether `BENCH_APP` named another app script. */
  readonly customApp: boolean;
  readonly quick: boolean;
}

/** Reads the settings from the environment (`BENCH_QUICK`, `BENCH_DATABASE_URL`, `BENCH_APP`). */
export function readBenchSettings(env: NodeJS.ProcessEnv, defaults: { appScript: string; databaseUrl: string }): BenchSettings {
  const quick = env["BENCH_QUICK"] === "1";
  const scale = (n: number) => (quick ? Math.max(1, Math.round(n / 10)) : n);
  return {
    concurrency: 8,
    baselineWarmup: scale(3_000),
    ingestWarmup: scale(300),
    ingestEvents: scale(2_000),
    ingestRounds: quick ? 1 : 3,
    noActionEvents: 970,
    flows: 10,
    e2eRuns: quick ? 5 : 24,
    memoryEvents: scale(10_000),
    notifyWarmup: scale(100),
    notifyEvents: scale(1_000),
    notifyDeployments: scale(40),
    notifyRounds: quick ? 1 : 4,
    notifyPacedDeployments: scale(30),
    dashboardDeployments: scale(10_000),
    dashboardWarmup: scale(30),
    dashboardLoads: scale(300),
    databaseUrl: env["BENCH_DATABASE_URL"] ?? defaults.databaseUrl,
    appScript: env["BENCH_APP"] ?? defaults.appScript,
    customApp: env["BENCH_APP"] !== undefined,
    quick,
  };
}
