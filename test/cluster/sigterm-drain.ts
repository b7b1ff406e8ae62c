import { Agent } from "node:http";
import { FAKE_ROUTES } from "../fake-github/fake-github-server.js";
import { postWebhook } from "../helpers/post-webhook.js";
import { pushEvent, signEvent, statusEvent } from "../helpers/webhook-events.js";
import { scenarioConfigs, SCENARIO_REPOS } from "./cluster-scenario.js";
import { startClusterRun } from "./cluster-run.js";
import { readDatabase } from "./read-database.js";
import { seededSha } from "./scenario-events.js";

/** What happened when the app was told to stop with a deployment request in flight. */
export interface DrainResult {
  readonly exit: { readonly code: number | null; readonly signal: NodeJS.Signals | null };
  /** The fake GitHub's deployment id. */
  readonly deploymentId: number;
  /** Exit time minus the earliest time the delayed answer could have been sent (≥ 0: after it). */
  readonly exitedAfterAnswerMs: number;
  /** Deliveries in the store by status, counted. */
  readonly deliveries: Readonly<Record<string, number>>;
  /** GitHub ids of the deployments the store recorded. */
  readonly recorded: readonly number[];
  /** Claims left as intents without a recorded deployment. */
  readonly openIntents: readonly string[];
}

/** How long the fake holds each `POST /deployments` answer. */
const DEPLOYMENT_LATENCY_MS = 1_500;

/**
 * One instance; a tag push and a green `ci/test` status that deploys it; the fake GitHub holds the
 * deployment request for 1.5 s, and SIGTERM is sent as soon as the request has arrived. Resolves with
 * how the process exited and what it left in the store.
 */
export async function runSigtermDrain(script: string): Promise<DrainResult> {
  const run = await startClusterRun({ script, size: 1, configs: scenarioConfigs(), env: { WORKER_POLL_MS: "100" } });
  const agent = new Agent({ keepAlive: false });
  try {
    const { github, cluster, credentials } = run;
    const [instance] = cluster.instances;
    const [repo] = SCENARIO_REPOS;
    if (instance === undefined || repo === undefined) throw new Error("no instance or repository");
    github.setLatency(FAKE_ROUTES.createDeployment, DEPLOYMENT_LATENCY_MS);
    const sha = seededSha(1, "sigterm");
    const send = (event: ReturnType<typeof pushEvent>) =>
      postWebhook(agent, instance.webhookUrl, signEvent(credentials.webhookSecret, event));
    const answers = [
      await send(pushEvent(repo, "refs/tags/v9.0.0", sha)),
      await send(statusEvent(repo, sha, "ci/test", "success", 1)),
    ];
    if (answers.some((status) => status < 200 || status > 299)) throw new Error(`webhooks answered ${answers.join(", ")}`);

    // The fake creates the deployment on arrival and holds the answer: poll for the arrival.
    const deadline = Date.now() + 20_000;
    let deployment = github.deployments.find((d) => d.sha === sha);
    while (deployment === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      deployment = github.deployments.find((d) => d.sha === sha);
    }
    if (deployment === undefined) throw new Error("no deployment request within 20 s");
    if (github.inFlight().length !== 1) throw new Error("the deployment request is not in flight");
    instance.process.signal("SIGTERM");
    const exit = await instance.process.exited;
    const database = await readDatabase(run.schema);
    return {
      exit: { code: exit.code, signal: exit.signal },
      deploymentId: deployment.id,
      exitedAfterAnswerMs: Math.round(exit.at - (deployment.at + DEPLOYMENT_LATENCY_MS)),
      deliveries: Object.fromEntries(Object.entries(database.deliveries).map(([status, ids]) => [status, ids.length])),
      recorded: database.deployments.map((row) => row.id),
      openIntents: database.openIntents,
    };
  } catch (error) {
    throw new Error(`${String(error)}\n${run.cluster.logs()}`, { cause: error });
  } finally {
    agent.destroy();
    await run.stop();
  }
}
