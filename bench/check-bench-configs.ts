import type { DeployConfig } from "../src/config/model.js";
import { parseConfigText } from "../src/config/parse-config.js";
import { matchPathFilter } from "../src/engine/match-path-filter.js";
import { benchConfigs, FLOW_CHANGES, FLOW_PROMOTED_TARGET, FLOW_REPOS, FLOW_TARGET } from "./bench-repos.js";

/** How far ahead of the start no freeze of the flows' target may reach: longer than any run. */
const RUN_SPAN_MS = 24 * 3_600_000;

/**
 * Refuses to run the bench on configurations the app would not take as meant: every
 * `.github/deploy.yml` the fake serves must load with the app's own parser (YAML as Probot reads
 * it, then validation), without problems or warnings. And the gated flows must exercise the release
 * policy without being stopped by it: their target's path filter lets the flows' push through,
 * its freezes are dated windows none of which holds from `now` to a day later (the bench runs on the
 * real clock), and another target promotes from it after a soak. Throws saying what is wrong.
 */
export function checkBenchConfigs(now: Date): void {
  const problems: string[] = [];
  const loaded = new Map<string, DeployConfig>();
  for (const [repo, text] of Object.entries(benchConfigs())) {
    const parsed = parseConfigText(text, `${repo}/.github/deploy.yml`);
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => `${p.file}:${p.line ?? "?"} ${p.key}: ${p.message}`));
    else if (parsed.warnings.length > 0)
      problems.push(...parsed.warnings.map((w) => `${w.file}:${w.line ?? "?"} ${w.key}: ${w.message}`));
    else loaded.set(repo, parsed.config);
  }
  for (const repo of FLOW_REPOS) {
    const config = loaded.get(`${repo.owner}/${repo.name}`);
    if (config !== undefined) problems.push(...checkFlowPolicy(config, now).map((p) => `${repo.owner}/${repo.name}: ${p}`));
  }
  if (problems.length > 0) throw new Error(`the bench's configurations are not what it measures:\n  ${problems.join("\n  ")}`);
}

/** What keeps a flow repository's policy from being exercised, or from letting the flow deploy at once. */
function checkFlowPolicy(config: DeployConfig, now: Date): string[] {
  const target = config.targets.find((t) => t.name === FLOW_TARGET);
  if (target === undefined) return [`no target ${FLOW_TARGET}`];
  const problems: string[] = [];
  const files = Object.values(FLOW_CHANGES).flat();
  if (target.pathFilter === undefined) problems.push(`${FLOW_TARGET} has no paths`);
  else if (!matchPathFilter(target.pathFilter, files))
    problems.push(`${FLOW_TARGET}'s paths do not let ${files.join(", ")} through`);
  if (target.freezes.length === 0) problems.push(`${FLOW_TARGET} has no freezes`);
  const from = now.getTime();
  for (const window of target.freezes) {
    if (window.kind !== "dated")
      problems.push(`${FLOW_TARGET} has a weekly freeze, which may hold while the bench runs: use dated ones`);
    else if (window.startMs < from + RUN_SPAN_MS && window.endMs > from)
      problems.push(
        `${FLOW_TARGET}'s freeze ${new Date(window.startMs).toISOString()} to ${new Date(window.endMs).toISOString()} is in force now or within a day`,
      );
  }
  const promoted = config.targets.find((t) => t.name === FLOW_PROMOTED_TARGET);
  if (promoted === undefined || !promoted.promoteFrom.includes(FLOW_TARGET) || promoted.soakMs === 0)
    problems.push(`${FLOW_PROMOTED_TARGET} does not promote from ${FLOW_TARGET} after a soak`);
  return problems;
}
