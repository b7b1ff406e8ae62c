import type { Target } from "../config/model.js";
import type { PendingDeploy } from "../domain/deployments.js";
import type { ChangedFiles, TriggerFacts } from "../domain/event-facts.js";
import { shortSha } from "../domain/short-sha.js";
import { matchPathFilter } from "./match-path-filter.js";

/** Patterns named in a message, at most; the rest are counted. */
const NAMED_PATTERNS = 5;

/**
 * Whether the target's path filter has a say about this trigger: it has one, the trigger is not a
 * tag push (GitHub Actions does not evaluate path filters for tags either), and no older commit of
 * the same ref is waiting to deploy the target — the new commit carries that commit's changes
 * along and deploys in its place whatever it changed itself.
 */
export function pathsApply(target: Target, trigger: TriggerFacts, pending: readonly PendingDeploy[]): boolean {
  if (target.pathFilter === undefined) return false;
  if (trigger.kind === "push" && trigger.ref.startsWith("refs/tags/")) return false;
  return !pending.some((waiting) => waiting.target === target.name && waiting.ref === trigger.ref && waiting.sha !== trigger.sha);
}

/**
 * Why the target does not auto-deploy this trigger because of what it changed, or undefined when
 * its path filter lets it through (or does not apply, see {@link pathsApply}). Unknown changes go
 * through: deploying once too often beats missing a change.
 */
export function filterByPaths(
  target: Target,
  trigger: TriggerFacts,
  changedFiles: ChangedFiles,
  pending: readonly PendingDeploy[],
): string | undefined {
  const filter = target.pathFilter;
  if (filter === undefined || changedFiles === "unknown" || !pathsApply(target, trigger, pending)) return undefined;
  if (matchPathFilter(filter, changedFiles)) return undefined;
  const what = trigger.kind === "push" ? `${shortSha(trigger.sha)} changed` : `Pull request #${trigger.pr} changes`;
  const patterns = listPatterns(filter.patterns);
  if (changedFiles.length === 0) {
    const wanted = filter.kind === "paths" ? "matching" : "not matching";
    return `${what} no file; ${target.name} deploys on its own only when a file ${wanted} ${patterns} changes (${filter.kind}).`;
  }
  if (filter.kind === "paths") {
    return `${what} no file matching ${patterns} (paths); ${target.name} deploys on its own only when one changes.`;
  }
  return `${what} only files matching ${patterns} (paths_ignore); ${target.name} does not deploy for those on its own.`;
}

function listPatterns(patterns: readonly string[]): string {
  const named = patterns.slice(0, NAMED_PATTERNS).map((pattern) => `\`${pattern}\``);
  const more = patterns.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more} more` : named.join(", ");
}
