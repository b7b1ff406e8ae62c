import type { NotificationEvent, NotificationFacts } from "../domain/notifications.js";
import { shortSha } from "../domain/short-sha.js";
import { clipSlackText } from "./clip-slack-text.js";
import { escapeSlackText } from "./escape-slack-text.js";
import { formatSlackLink, isSlackLinkable } from "./format-slack-link.js";

/** Slack's limits: a section's text and the `text` fallback 3000 characters, a field 2000. */
const MAX_TEXT = 3000;
const MAX_FIELD = 2000;
/** Names are cut well before Slack's limits, so a long branch name cannot crowd out the rest. */
const MAX_NAME = 100;
/** A status description is at most 140 characters on GitHub; longer ones are cut here. */
const MAX_DESCRIPTION = 500;

/** How each event reads in Slack: its emoji and what the deployment did. */
const EVENTS = {
  created: { emoji: ":package:", phrase: "was created" },
  started: { emoji: ":rocket:", phrase: "started" },
  succeeded: { emoji: ":white_check_mark:", phrase: "succeeded" },
  failed: { emoji: ":x:", phrase: "failed" },
  inactive: { emoji: ":zzz:", phrase: "is inactive" },
  deleted: { emoji: ":wastebasket:", phrase: "was deleted" },
  stuck: { emoji: ":warning:", phrase: "is stuck" },
} as const satisfies Record<NotificationEvent, { readonly emoji: string; readonly phrase: string }>;

/** Said of a stuck deployment whose status carries no description of its own. */
const STUCK_HINT = "Deliverybot marked it `error`: check that a workflow runs `on: deployment` and read the deploy job's log.";

/** A Slack incoming-webhook message: the `text` fallback (notifications, screen readers) and its Block Kit blocks. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: unknown[];
}

/**
 * A deployment notification as a Slack message: one line saying what happened (emoji per event),
 * fields naming the repository, environment, commit, pull request, who and the state, the status
 * description, and links to the log and the environment when GitHub has them. Everything that came
 * from GitHub is escaped, and URLs that could break out of a link are shown as text or left out.
 */
export function renderSlackMessage(facts: NotificationFacts): SlackMessage {
  const { repository: repo, deployment } = facts;
  const { emoji, phrase } = EVENTS[facts.event];
  const fullName = `${repo.owner}/${repo.name}`;
  const sha = shortSha(deployment.sha);
  const environment = escapeSlackText(name(deployment.environment));
  const repoLink = formatSlackLink(repo.htmlUrl, fullName);
  const commitLink = formatSlackLink(`${repo.htmlUrl}/commit/${deployment.sha}`, sha);

  const text = `${escapeSlackText(fullName)}: deployment of ${escapeSlackText(sha)} to ${environment} ${phrase}`;
  const headline = `${emoji} ${repoLink}: deployment of ${commitLink} to *${environment}* ${phrase}`;
  const blocks: unknown[] = [section(headline), { type: "section", fields: fields(facts, repoLink, commitLink) }];
  const description = describe(facts);
  if (description !== null) blocks.push(section(description));
  blocks.push({ type: "context", elements: context(facts).map((element) => mrkdwn(element, MAX_FIELD)) });
  return { text: clipSlackText(text, MAX_TEXT), blocks };
}

function fields(facts: NotificationFacts, repoLink: string, commitLink: string) {
  const { deployment, repository: repo, status } = facts;
  const target =
    deployment.target !== null && deployment.target !== deployment.environment ? ` (target ${deployment.target})` : "";
  const who = escapeSlackText(name(deployment.creator ?? "unknown"));
  const trigger = deployment.trigger === null ? "" : ` via ${deployment.trigger}`;
  const list = [
    `*Repository*\n${repoLink}`,
    `*Environment*\n${escapeSlackText(name(deployment.environment + target))}`,
    `*Commit*\n${commitLink} on ${escapeSlackText(name(deployment.ref))}`,
    `*By*\n${who}${trigger}`,
    `*State*\n${escapeSlackText(name(status?.state ?? facts.event))}`,
  ];
  if (deployment.pr !== null) {
    list.splice(3, 0, `*Pull request*\n${formatSlackLink(`${repo.htmlUrl}/pull/${deployment.pr}`, `#${deployment.pr}`)}`);
  }
  if (deployment.task !== "deploy") list.push(`*Task*\n${escapeSlackText(name(deployment.task))}`);
  return list.map((field) => mrkdwn(field, MAX_FIELD));
}

/** The status description (for `stuck` the watchdog's says what to check), as a quote. */
function describe(facts: NotificationFacts): string | null {
  const description = facts.status?.description ?? null;
  if (description !== null && description.trim() !== "")
    return `>${escapeSlackText(clip(oneLine(description), MAX_DESCRIPTION))}`;
  return facts.event === "stuck" ? STUCK_HINT : null;
}

function context(facts: NotificationFacts): string[] {
  const { status, deployment } = facts;
  const elements = [`Deployment ${deployment.id}`];
  // A link's text alone would say nothing: unusable URLs are left out.
  const log = status?.logUrl ?? null;
  if (log !== null && isSlackLinkable(log)) elements.push(formatSlackLink(log, "View the log"));
  const site = status?.environmentUrl ?? null;
  if (site !== null && isSlackLinkable(site)) elements.push(formatSlackLink(site, "Open the environment"));
  return elements;
}

function section(text: string) {
  return { type: "section", text: { type: "mrkdwn", text: clipSlackText(text, MAX_TEXT) } };
}

function mrkdwn(text: string, max: number) {
  return { type: "mrkdwn", text: clipSlackText(text, max) };
}

/** A name from GitHub on one line and of reasonable length (before escaping). */
function name(text: string): string {
  return clip(oneLine(text), MAX_NAME);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
