import { FAKE_ROUTES } from "../fake-github/fake-github-server.js";
import type { ClusterRun } from "./cluster-run.js";
import { findSocketOwner } from "./socket-owner.js";

/** When, in units of the stream answered, to kill an instance and to start it again. */
export interface KillPlan {
  readonly killAfterUnits: number;
  readonly restartAfterUnits: number;
  /** How long to wait for an instance with a deployment request in flight before killing one anyway. */
  readonly maxWaitMs: number;
  /**
   * Only a request that arrived less than this long ago counts as in flight: its answer (delayed by the
   * fake's latency) must still be well ahead when the kill lands.
   */
  readonly arrivedWithinMs: number;
}

/** What the kill switch did. */
export interface KillReport {
  readonly victim: number;
  /** True when the victim had `POST /deployments` in flight (claimed, not yet recorded) when it died. */
  readonly midDeployment: boolean;
  /** From the start of the stream, in ms. */
  readonly killedAfterMs: number;
  readonly restartedAfterMs: number;
}

/** Hooks into the sender: `onUnitDone` triggers the kill and the restart; `finished` resolves once both happened. */
export interface KillSwitch {
  onUnitDone(done: number): void;
  finished(): Promise<KillReport>;
}

const [, CREATE_DEPLOYMENT_ROUTE = ""] = FAKE_ROUTES.createDeployment.split(" ");

/** The instance whose `POST /deployments` the fake GitHub received less than `withinMs` ago and still holds, if any. */
function instanceMidDeployment(run: ClusterRun, withinMs: number): number | undefined {
  const serverPort = Number(run.github.host.split(":")[1]);
  const running = run.cluster.instances.filter((instance) => instance.running);
  const now = performance.timeOrigin + performance.now();
  for (const request of run.github.inFlight()) {
    if (request.method !== "POST" || request.route !== CREATE_DEPLOYMENT_ROUTE || now - request.at > withinMs) continue;
    const pid = findSocketOwner(
      running.map((instance) => instance.process.pid),
      request.clientPort,
      serverPort,
    );
    const owner = running.find((instance) => instance.process.pid === pid);
    if (owner !== undefined) return owner.index;
  }
  return undefined;
}

/**
 * SIGKILLs one instance after `killAfterUnits` units: the first one seen with a deployment request in
 * flight (so it dies between claiming and recording), else, after `maxWaitMs`, the first instance.
 * Restarts it with the same environment and port after `restartAfterUnits` units (or once killed, if later).
 */
export function createKillSwitch(run: ClusterRun, plan: KillPlan): KillSwitch {
  const started = Date.now();
  let killed: Promise<{ victim: number; midDeployment: boolean; killedAfterMs: number }> | undefined;
  let restarted: Promise<KillReport> | undefined;

  const kill = async () => {
    const deadline = Date.now() + plan.maxWaitMs;
    let victim = instanceMidDeployment(run, plan.arrivedWithinMs);
    while (victim === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      victim = instanceMidDeployment(run, plan.arrivedWithinMs);
    }
    const midDeployment = victim !== undefined;
    const chosen = victim ?? 0;
    await run.cluster.kill(chosen);
    return { victim: chosen, midDeployment, killedAfterMs: Date.now() - started };
  };
  const restart = async (): Promise<KillReport> => {
    const report = await (killed ??= kill());
    await run.cluster.restart(report.victim);
    return { ...report, restartedAfterMs: Date.now() - started };
  };

  return {
    onUnitDone(done) {
      if (done >= plan.killAfterUnits) killed ??= kill();
      if (done >= plan.restartAfterUnits) restarted ??= restart();
    },
    finished: () => (restarted ??= restart()),
  };
}
