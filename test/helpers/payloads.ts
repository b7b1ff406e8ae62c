import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Probot } from "probot";

/** Every webhook event Probot can receive, as `{ id, name, payload }`. */
type ReceivedEvent = Parameters<Probot["receive"]>[0];

/** A webhook event name such as `push` or `check_run`. */
export type WebhookName = ReceivedEvent["name"];

/** The `{ id, name, payload }` that `probot.receive()` takes for event `N`. */
export type WebhookEventOf<N extends WebhookName> = Extract<ReceivedEvent, { name: N }>;

/** The payload type of event `N`, as Probot's handlers see it. */
export type WebhookPayload<N extends WebhookName> = WebhookEventOf<N>["payload"];

/** Which example to load, and how to adjust it. */
export interface LoadPayloadOptions<N extends WebhookName> {
  /** Only examples with this `action` (e.g. `completed` for `check_run`). */
  action?: string;
  /** Which of the matching examples (default 0). */
  index?: number;
  /** Sets `installation: { id, node_id }`, which many examples lack; Probot needs it to authenticate as the installation. */
  installationId?: number;
  /** Adjusts the copy, e.g. `(p) => { p.ref = "refs/heads/main"; }`. */
  edit?: (payload: WebhookPayload<N>) => void;
}

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Array<Record<string, unknown>>;
}

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];

/** The run whose jobs ask {@link composeProtectionRuleExample}'s question. */
export const PROTECTION_RULE_RUN_ID = 3_000_000_001;

/**
 * A `deployment_protection_rule` payload, which `@octokit/webhooks-examples` lacks, made of the
 * real `deployment` example's repository, sender, installation and deployment, with the fields
 * GitHub's schema adds (checked against it in `test/harness/composed-payloads.test.ts`).
 */
function composeProtectionRuleExample(): WebhookDefinition {
  const deployment = examples.find((d) => d.name === "deployment")?.examples[0];
  if (deployment === undefined) throw new Error("@octokit/webhooks-examples has no deployment example");
  const { repository, sender, installation } = deployment as {
    repository: { full_name: string };
    sender: unknown;
    installation?: unknown;
  };
  const { environment, sha, ref } = deployment["deployment"] as { environment: string; sha: string; ref: string };
  const example = {
    action: "requested",
    environment,
    event: "push",
    sha,
    ref,
    deployment_callback_url: `https://api.github.com/repos/${repository.full_name}/actions/runs/${PROTECTION_RULE_RUN_ID}/deployment_protection_rule`,
    deployment: deployment["deployment"],
    pull_requests: [],
    repository,
    ...(installation === undefined ? {} : { installation }),
    sender,
  };
  return { name: "deployment_protection_rule", actions: ["requested"], examples: [example] };
}

const definitions: readonly WebhookDefinition[] = [...examples, composeProtectionRuleExample()];

/**
 * Returns a deep copy of a real webhook payload from `@octokit/webhooks-examples`. Throws, listing
 * what exists, when there is no such event, action or index.
 */
export function loadPayload<N extends WebhookName>(name: N, options: LoadPayloadOptions<N> = {}): WebhookPayload<N> {
  const definition = definitions.find((d) => d.name === name);
  if (definition === undefined) throw new Error(`@octokit/webhooks-examples has no "${name}" event`);
  const { action, index = 0 } = options;
  const examples = definition.examples.filter((example) => action === undefined || example["action"] === action);
  const example = examples[index];
  if (example === undefined) {
    throw new Error(
      `@octokit/webhooks-examples has ${examples.length} "${name}" example(s)${action === undefined ? "" : ` with action "${action}"`} (actions: ${definition.actions.join(", ") || "none"}), no index ${index}`,
    );
  }
  const payload = structuredClone(example);
  if (options.installationId !== undefined)
    payload["installation"] = { id: options.installationId, node_id: `installation-${options.installationId}` };
  const typed = payload as WebhookPayload<N>;
  options.edit?.(typed);
  return typed;
}

/** {@link loadPayload} wrapped as the event `probot.receive()` takes, with a fresh delivery id. */
export function loadEvent<N extends WebhookName>(name: N, options: LoadPayloadOptions<N> = {}): WebhookEventOf<N> {
  const event: unknown = { id: randomUUID(), name, payload: loadPayload(name, options) };
  return event as WebhookEventOf<N>;
}
