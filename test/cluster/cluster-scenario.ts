import { routeDelivery } from "../../src/events/route-delivery.js";
import { createRandom, shuffle, type Random } from "../helpers/seeded-random.js";
import { signEvent, type SignedWebhook, type WebhookRepo } from "../helpers/webhook-events.js";
import { scenarioEvents, seededSha, type ScenarioEvent } from "./scenario-events.js";

/** One webhook to send, and the kind of event it stands for (for the report); a re-send is the same object. */
export interface ScenarioWebhook {
  readonly kind: string;
  readonly webhook: SignedWebhook;
}

/** Webhooks sent at the same moment, each to another instance. */
export type SendUnit = readonly ScenarioWebhook[];

/** The webhooks of a run, in sending order, and what they must lead to. */
export interface Scenario {
  /** `.github/deploy.yml` by `owner/name`, for the fake GitHub. */
  readonly configs: Readonly<Record<string, string>>;
  readonly units: readonly SendUnit[];
  /** HTTP requests the units make when nothing fails: {@link SCENARIO_SIZE}. */
  readonly requests: number;
  /** Every distinct delivery, by `X-GitHub-Delivery`. */
  readonly deliveries: ReadonlyMap<string, SignedWebhook>;
  /** `owner/name environment sha` of every deployment that must exist once, sorted. */
  readonly expected: readonly string[];
  /** Distinct deliveries by kind, and duplicates by how they were sent. */
  readonly counts: Readonly<Record<string, number>>;
}

/** HTTP requests in one run. */
export const SCENARIO_SIZE = 1000;

/** Re-sends of a delivery: every deploying push once, the rest drawn at random. */
const DUPLICATES = 250;

/**
 * Every configured repository's deploy.yml: tags deploy to production once `ci/test` is green (each
 * tag is its own ref, so no commit supersedes another whatever the order events arrive in); pushes to
 * main deploy to staging at once.
 */
export const SCENARIO_CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/tags/v*
    required_contexts: [ci/test]
  staging:
    auto_deploy_on: refs/heads/main
    environment: staging
    required_contexts: []
`;

/** The repositories with a deploy.yml: two installations, as two customers. */
export const SCENARIO_REPOS: readonly WebhookRepo[] = Array.from({ length: 10 }, (_, index) => ({
  owner: index < 5 ? "acme" : "globex",
  name: `service-${index}`,
  id: 7001 + index,
  installationId: index < 5 ? 301 : 302,
}));

/** A repository of the first installation without a deploy.yml. */
export const UNCONFIGURED_REPO: WebhookRepo = { owner: "acme", name: "notes", id: 7100, installationId: 301 };

function seededDeliveryId(seed: number, n: number): string {
  const hex = seededSha(seed, `delivery ${n}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Draft {
  readonly kind: string;
  readonly webhook: SignedWebhook;
  /** Members of one burst are sent together. */
  readonly group: number;
  readonly deploys: boolean;
}

/**
 * The same scenario for the same seed: {@link SCENARIO_SIZE} signed webhooks over the repositories
 * (see `scenario-events.ts` for what each repository gets), {@link DUPLICATES} of them re-sent with
 * the same delivery id — half at the same moment to another instance, half somewhere later (or
 * earlier) in the stream — in a shuffled order. Delivery ids, commits, refs, status ids and the order
 * come from the seed; payload fields no decision reads (a push's `before`, the ids of check suites,
 * comments and other people's deployments, pull request numbers) stay random.
 */
export function buildScenario(seed: number, secret: string): Scenario {
  const random = createRandom(seed);
  const { events, expected } = scenarioEvents(seed, SCENARIO_REPOS, UNCONFIGURED_REPO);
  const drafts = events.map((event, n): Draft => sign(event, secret, seededDeliveryId(seed, n)));
  const counts: Record<string, number> = {};
  for (const draft of drafts) counts[draft.kind] = (counts[draft.kind] ?? 0) + 1;

  const groups = new Map<number, ScenarioWebhook[]>();
  for (const draft of drafts) {
    const unit = groups.get(draft.group) ?? [];
    unit.push({ kind: draft.kind, webhook: draft.webhook });
    groups.set(draft.group, unit);
  }
  const later: ScenarioWebhook[][] = [];
  for (const [index, draft] of pickDuplicates(drafts, random).entries()) {
    const copy = { kind: draft.kind, webhook: draft.webhook };
    const unit = groups.get(draft.group) ?? [];
    // Right after the original: the sender gives consecutive requests to different instances.
    if (index % 2 === 0) unit.splice(unit.findIndex((sent) => sent.webhook === draft.webhook) + 1, 0, copy);
    else later.push([copy]);
  }
  counts["duplicate, sent at the same moment to another instance"] = Math.ceil(DUPLICATES / 2);
  counts["duplicate, sent at another moment"] = Math.floor(DUPLICATES / 2);

  const units = shuffle([...groups.values(), ...later], random);
  const requests = units.reduce((sum, unit) => sum + unit.length, 0);
  if (requests !== SCENARIO_SIZE) throw new Error(`the scenario has ${requests} requests, not ${SCENARIO_SIZE}`);
  const deliveries = new Map(drafts.map((draft) => [draft.webhook.id, draft.webhook]));
  return { configs: scenarioConfigs(), units, requests, deliveries, expected: [...expected].sort(), counts };
}

/**
 * The delivery ids the app must store and process, sorted: those it routes to a handler
 * (`src/route-delivery.ts`); the rest (e.g. a pull request labeled) are acknowledged and dropped.
 */
export function queuedDeliveryIds(scenario: Scenario): string[] {
  return [...scenario.deliveries.values()]
    .filter((webhook) => routeDelivery(webhook.name, JSON.parse(webhook.body.toString("utf8"))) !== undefined)
    .map((webhook) => webhook.id)
    .sort();
}

function sign(event: ScenarioEvent, secret: string, id: string): Draft {
  return { kind: event.kind, webhook: signEvent(secret, event.event, id), group: event.group, deploys: event.deploys };
}

/** Every deploying push once, then others at random (never the same delivery twice). */
function pickDuplicates(drafts: readonly Draft[], random: Random): Draft[] {
  const deploying = drafts.filter((draft) => draft.deploys);
  const others = shuffle(
    drafts.filter((draft) => !deploying.includes(draft)),
    random,
  );
  return [...deploying, ...others].slice(0, DUPLICATES);
}

/** `.github/deploy.yml` of every configured repository, by `owner/name`, for the fake GitHub. */
export function scenarioConfigs(): Record<string, string> {
  return Object.fromEntries(SCENARIO_REPOS.map((repo) => [`${repo.owner}/${repo.name}`, SCENARIO_CONFIG]));
}
