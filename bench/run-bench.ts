import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeGitHub } from "../test/fake-github/fake-github-server.js";
import type { BenchContext } from "./app-under-test.js";
import {
  DEFAULT_DATABASE_URL,
  isPrepared,
  preparePglite,
  preparePostgres,
  type PreparedBackend,
  type UnavailableBackend,
} from "./backends.js";
import { BENCH_OAUTH, benchConfigs, BOARD } from "./bench-repos.js";
import { readBenchSettings } from "./bench-settings.js";
import { checkBenchConfigs } from "./check-bench-configs.js";
import { describeMachine } from "./describe-machine.js";
import { createRandom } from "../test/helpers/seeded-random.js";
import { startBaseline } from "./measure-ingest.js";
import { renderResults } from "./render-results.js";
import { runBackend, type BackendOutcome } from "./run-backend.js";

/** This checkout: the compiled file lives in `.bench-build/bench/`. */
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, "bench", "RESULTS.md");

/**
 * `npm run bench`: starts the fake GitHub, measures the baseline, then runs the app on each
 * store backend, and writes `bench/RESULTS.md`.
 */
async function main(): Promise<void> {
  const startedAt = new Date();
  checkBenchConfigs(startedAt);
  const loadAtStart = loadavg()[0] ?? NaN;
  const settings = readBenchSettings(process.env, {
    appScript: join(REPO_ROOT, "lib", "main.js"),
    databaseUrl: DEFAULT_DATABASE_URL,
  });
  const workDir = mkdtempSync(join(tmpdir(), "deliverybot-bench-"));
  const github = await startFakeGitHub({
    configs: benchConfigs(),
    oauth: BENCH_OAUTH,
    // The dashboard's pages find the repository by the id the fake gives it: the id the store was seeded with.
    repositories: { [`${BOARD.owner}/${BOARD.name}`]: { id: BOARD.id, installationId: BOARD.installationId } },
  });
  const context: BenchContext = {
    github,
    secret: randomBytes(20).toString("hex"),
    privateKey: generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "pkcs1", format: "pem" },
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
    }).privateKey,
    workDir,
    settings,
    random: createRandom(20_261_123),
  };
  const progress = (line: string) => console.log(line);
  try {
    progress(`baseline: bare node:http + HMAC, warming up with ${settings.baselineWarmup} webhooks…`);
    const baseline = await startBaseline(context);
    const outcomes: BackendOutcome[] = [];
    const candidates: Array<() => Promise<PreparedBackend | UnavailableBackend>> = [
      async () => preparePglite(workDir),
      () => preparePostgres(dirname(settings.appScript), settings.databaseUrl),
    ];
    for (const prepare of candidates) {
      const backend = await prepare();
      if (!isPrepared(backend)) {
        progress(`${backend.name}: skipped (${backend.reason})`);
        outcomes.push({ kind: "skipped", backend: backend.name, reason: backend.reason });
        continue;
      }
      progress(`${backend.name}: ${backend.location}`);
      // The store floor gets a store of its own, prepared the same way.
      const floorStore = await prepare();
      try {
        if (!isPrepared(floorStore))
          throw new Error(`could not prepare the store floor's ${floorStore.name} store: ${floorStore.reason}`);
        const prepareStore = async () => {
          const store = await prepare();
          if (!isPrepared(store)) throw new Error(`could not prepare a ${store.name} store: ${store.reason}`);
          return store;
        };
        const outcome = await runBackend(context, backend, { baseline, floorStore, prepareStore }, progress);
        if (outcome.kind === "skipped") progress(`  skipped: ${outcome.reason}`);
        outcomes.push(outcome);
      } finally {
        await backend.dispose();
        if (isPrepared(floorStore)) await floorStore.dispose();
      }
    }
    const baselineRssMiB = baseline.process.memoryKiB().rss / 1024;
    await baseline.process.stop();
    const durationS = (Date.now() - startedAt.getTime()) / 1000;
    const run = {
      startedAt,
      durationS,
      machine: describeMachine(REPO_ROOT, loadAtStart),
      settings,
      baselineRssMiB,
      outcomes,
      problems: github.problems(),
    };
    writeFileSync(RESULTS_FILE, renderResults(run));
    progress(`done in ${Math.round(durationS)} s: ${RESULTS_FILE}`);
    reportNotificationFailures(outcomes);
  } finally {
    await github.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * A notification missing, duplicated or unexpected makes the notification figures meaningless: said
 * loudly, and the run exits with 1 (the results are written all the same).
 */
function reportNotificationFailures(outcomes: readonly BackendOutcome[]): void {
  for (const outcome of outcomes) {
    if (outcome.kind !== "measured" || outcome.figures.notifications.kind !== "measured") continue;
    const { check, problems } = outcome.figures.notifications.figures;
    if (check.missing + check.duplicated + check.unexpected + check.badSignatures === 0) continue;
    console.error(
      `NOTIFICATIONS FAILED on ${outcome.backend}: ${check.expected} expected, ${check.received} received, ${check.missing} missing, ` +
        `${check.duplicated} duplicated, ${check.unexpected} unexpected, ${check.badSignatures} with a bad signature:\n  ${problems.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
}

await main();
