import type { DeployFileV2, FreezeWindow as FreezeWindowEntry, TargetV2 } from "./config-types.js";
import type { ApprovalRule, AutoDeployTrigger, CoalesceRule, DeployConfig, FreezeWindow, PathFilter, Target } from "./model.js";
import { parseDuration } from "./parse-duration.js";
import { readFreezeWindow } from "./read-freeze-window.js";
import { deployConfigSchema } from "./schema.js";
import type { JsonValue } from "../domain/json-value.js";

// Defaults come from the schema, so the documented default and the applied one cannot differ.
const DEFAULTS = deployConfigSchema.definitions.TargetV2.properties;
const FILE_DEFAULTS = deployConfigSchema.definitions.DeployFileV2.properties;

/**
 * Builds the canonical model from a validated (and, for v1, migrated) v2 document: defaults
 * applied, `auto_deploy_on` normalized to triggers, targets in file order. An omitted
 * `required_contexts` stays undefined (every check must pass), and so do omitted `deployers` and
 * `admins` (the repository's permissions decide). A migrated v1 file has no `default_target` or
 * `command_prefix`, so it gets none and `/`, and no notifications or freezes. Each target gets the
 * file's freeze windows, then its own.
 */
export function buildDeployConfig(doc: DeployFileV2, sourceVersion: 1 | 2): DeployConfig {
  const everywhere = buildFreezes(doc.freezes);
  return {
    sourceVersion,
    targets: Object.entries(doc.targets).map(([name, target]) => buildTarget(name, target, everywhere)),
    defaultTarget: doc.default_target,
    commandPrefix: doc.command_prefix ?? FILE_DEFAULTS.command_prefix.default,
    notifications: (doc.notifications ?? FILE_DEFAULTS.notifications.default).map((route) => ({
      channel: route.channel,
      states: copyList(route.states),
      environments: copyList(route.environments),
    })),
  };
}

function buildTarget(name: string, target: TargetV2, everywhere: readonly FreezeWindow[]): Target {
  return {
    name,
    autoDeployOn: buildTriggers(target.auto_deploy_on),
    environment: target.environment ?? DEFAULTS.environment.default,
    task: target.task ?? DEFAULTS.task.default,
    description: target.description ?? DEFAULTS.description.default,
    // A parsed YAML or JSON mapping only holds JSON values; the schema only checks it is a mapping.
    payload: { ...(target.payload ?? DEFAULTS.payload.default) } as { readonly [key: string]: JsonValue },
    requiredContexts: copyList(target.required_contexts),
    autoMerge: target.auto_merge ?? DEFAULTS.auto_merge.default,
    transientEnvironment: target.transient_environment ?? DEFAULTS.transient_environment.default,
    productionEnvironment: target.production_environment ?? DEFAULTS.production_environment.default,
    deployers: copyList(target.deployers),
    admins: copyList(target.admins),
    allowForks: target.allow_forks ?? DEFAULTS.allow_forks.default,
    allowDrafts: target.allow_drafts ?? DEFAULTS.allow_drafts.default,
    coalesce: buildCoalesce(target.coalesce ?? DEFAULTS.coalesce.default),
    hooks: [...(target.hooks ?? DEFAULTS.hooks.default)],
    hookChecks: target.hook_checks ?? DEFAULTS.hook_checks.default,
    stuckAfterMs: durationMs(target.stuck_after ?? DEFAULTS.stuck_after.default),
    timeoutMs: durationMs(target.timeout ?? DEFAULTS.timeout.default),
    freezes: [...everywhere, ...buildFreezes(target.freezes)],
    promoteFrom: typeof target.promote_from === "string" ? [target.promote_from] : [...(target.promote_from ?? [])],
    soakMs: target.soak === undefined ? 0 : durationMs(target.soak),
    pathFilter: buildPathFilter(target),
    approvals: buildApprovals(target.approvals),
  };
}

function buildCoalesce(coalesce: NonNullable<TargetV2["coalesce"]>): CoalesceRule | undefined {
  if (coalesce === false) return undefined;
  const timeout = coalesce === true ? undefined : coalesce.group_timeout;
  return { groupTimeoutMs: durationMs(timeout ?? DEFAULTS.coalesce.properties.group_timeout.default) };
}

function buildApprovals(rule: TargetV2["approvals"]): ApprovalRule | undefined {
  if (rule === undefined) return undefined;
  return {
    required: rule.required,
    from: copyList(rule.from),
    selfApproval: rule.self_approval ?? DEFAULTS.approvals.properties.self_approval.default,
    expiresMs: rule.expires === undefined ? undefined : durationMs(rule.expires),
  };
}

/** Freeze windows `checkFreezes` let through, in the model's terms. */
function buildFreezes(entries: readonly FreezeWindowEntry[] | undefined): FreezeWindow[] {
  return (entries ?? []).map((entry) => {
    const read = readFreezeWindow(entry);
    if (!read.ok) throw new Error(`a freeze window passed the checks but does not read: ${read.problems[0]?.message ?? ""}`);
    return read.window;
  });
}

/** `paths` or `paths_ignore`, whichever the target sets (validation refused both). */
function buildPathFilter(target: TargetV2): PathFilter | undefined {
  if (target.paths !== undefined) return { kind: "paths", patterns: [...target.paths] };
  if (target.paths_ignore !== undefined) return { kind: "paths_ignore", patterns: [...target.paths_ignore] };
  return undefined;
}

/** A duration the schema's pattern let through, in milliseconds. */
function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`${JSON.stringify(text)} passed the schema but is no duration`);
  return ms;
}

function buildTriggers(autoDeployOn: string | readonly string[] | undefined): AutoDeployTrigger[] {
  const patterns = typeof autoDeployOn === "string" ? [autoDeployOn] : (autoDeployOn ?? []);
  return patterns.map((pattern) => (pattern === "pr" ? { kind: "pull_request" } : { kind: "ref", pattern }));
}

/** A list the model owns (not the document's), or undefined when the key was omitted. */
function copyList<T>(list: readonly T[] | undefined): T[] | undefined {
  return list === undefined ? undefined : [...list];
}
