import { SHOP, UNCONFIGURED } from "./bench-repos.js";
import {
  checkRunEvent,
  checkSuiteEvent,
  commentEvent,
  deploymentEvent,
  deploymentStatusEvent,
  pullRequestEvent,
  pushEvent,
  randomSha,
  statusEvent,
  type WebhookEvent,
  type WebhookRepo,
} from "../test/helpers/webhook-events.js";
import type { Random } from "../test/helpers/seeded-random.js";

/** Kinds of webhook that ask nothing of Deliverybot; weights are their share of the mix. */
const NO_ACTION_KINDS = {
  featurePush: { weight: 20, make: (r: Random) => pushEvent(SHOP, `refs/heads/feature-${r.int(200)}`, randomSha()) },
  unconfiguredPush: { weight: 12, make: (r: Random) => pushEvent(r.pick(UNCONFIGURED), "refs/heads/main", randomSha()) },
  branchDeleted: { weight: 3, make: (r: Random) => pushEvent(SHOP, `refs/heads/feature-${r.int(200)}`, randomSha(), true) },
  status: {
    weight: 25,
    make: (r: Random) => statusEvent(anyRepo(r), randomSha(), r.pick(["ci/test", "ci/lint", "coverage"]), r.pick(STATES)),
  },
  checkRunCreated: { weight: 10, make: (r: Random) => checkRunEvent(anyRepo(r), randomSha(), "build", r.int(1e9) + 1, null) },
  checkRunCompleted: {
    weight: 10,
    make: (r: Random) => checkRunEvent(anyRepo(r), randomSha(), "build", r.int(1e9) + 1, "success"),
  },
  checkSuite: { weight: 4, make: (r: Random) => checkSuiteEvent(anyRepo(r), randomSha()) },
  deploymentStatus: { weight: 5, make: () => deploymentStatusEvent(SHOP, randomSha()) },
  deployment: { weight: 3, make: () => deploymentEvent(SHOP, randomSha()) },
  pullRequest: {
    weight: 3,
    make: (r: Random) => pullRequestEvent(SHOP, r.pick(["opened", "synchronize"] as const), randomSha()),
  },
  pullRequestLabeled: { weight: 2, make: () => pullRequestEvent(SHOP, "labeled", randomSha()) },
  comment: { weight: 3, make: () => commentEvent(SHOP) },
} satisfies Record<string, { weight: number; make: (random: Random) => WebhookEvent }>;

/** A kind of no-action webhook, e.g. `status`. */
export type NoActionKind = keyof typeof NO_ACTION_KINDS;

/** Pushes, statuses and check runs only: the kinds the acknowledgement benchmark sends. */
export const INGEST_KINDS: readonly NoActionKind[] = [
  "featurePush",
  "unconfiguredPush",
  "status",
  "checkRunCreated",
  "checkRunCompleted",
];

const STATES = ["pending", "success", "failure"] as const;

function anyRepo(random: Random): WebhookRepo {
  return random.int(3) === 0 ? random.pick(UNCONFIGURED) : SHOP;
}

/**
 * `count` webhooks that need no action, drawn by weight from `kinds` (default: every kind):
 * pushes to branches no target deploys and to repositories without configuration, deleted
 * branches, statuses and check runs of commits nothing waits on, check suites, other people's
 * deployments and deployment statuses, pull requests without a `pr` target, plain comments.
 */
export function noActionEvents(count: number, random: Random, kinds: readonly NoActionKind[] = allKinds()): WebhookEvent[] {
  const total = kinds.reduce((sum, kind) => sum + NO_ACTION_KINDS[kind].weight, 0);
  const events: WebhookEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    let roll = random.int(total);
    const kind = kinds.find((k) => (roll -= NO_ACTION_KINDS[k].weight) < 0) ?? kinds[0];
    if (kind !== undefined) events.push(NO_ACTION_KINDS[kind].make(random));
  }
  return events;
}

function allKinds(): NoActionKind[] {
  return Object.keys(NO_ACTION_KINDS) as NoActionKind[];
}
