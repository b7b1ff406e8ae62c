import type { DeployFileV1, DeployFileV2, LegacyDeployment, TargetV1, TargetV2 } from "./config-types.js";

/*
 * The v1 → v2 migration, one small step per difference (the Renovate way). Each step is pure and
 * keeps what a v1 file meant under the original Deliverybot; `migrateV1` runs them in order.
 */

/** A v1 target that no longer carries the legacy list: structurally a v2 target. */
type FoldedTarget = Omit<TargetV1, "deployments">;

const FOLDED_FIELDS = [
  "task",
  "auto_merge",
  "payload",
  "environment",
  "description",
] as const satisfies readonly (keyof LegacyDeployment)[];

/**
 * v1 `environment: ""` and `task: ""` meant the default: the original read them with `||`.
 * Dropping them lets the default (or a legacy `deployments` entry) apply, as it did.
 */
export function dropV1EmptyStrings(target: TargetV1): TargetV1 {
  const { environment, task, ...rest } = target;
  return {
    ...rest,
    ...(environment === undefined || environment === "" ? {} : { environment }),
    ...(task === undefined || task === "" ? {} : { task }),
  };
}

/**
 * The legacy `deployments: [...]` list: the FIRST entry's fields fill the fields the target has
 * not set, then the list is dropped (other entries were always ignored).
 */
export function foldLegacyDeployments(target: TargetV1): FoldedTarget {
  const { deployments, ...folded } = target;
  const first = deployments?.[0];
  if (first === undefined) return folded;
  const filled: { -readonly [K in keyof FoldedTarget]: FoldedTarget[K] } = { ...folded };
  for (const field of FOLDED_FIELDS) {
    if (filled[field] === undefined && first[field] !== undefined) Object.assign(filled, { [field]: first[field] });
  }
  return filled;
}

/**
 * v1 had no gate unless `required_contexts` was listed; v2 reads an omitted list as "every check
 * must pass". Writing `[]` keeps a v1 file's meaning.
 */
export function pinV1RequiredContexts<T extends TargetV2>(target: T): T {
  return target.required_contexts === undefined ? { ...target, required_contexts: [] } : target;
}

/** Every top-level key but `_extends` is a target in v1; v2 lists them under `targets:`. */
export function wrapTargets(doc: DeployFileV1, migrateTarget: (target: TargetV1) => TargetV2): DeployFileV2 {
  const entries: [string, TargetV2][] = [];
  for (const [name, target] of Object.entries(doc)) {
    if (name === "_extends" || typeof target !== "object") continue;
    entries.push([name, migrateTarget(target)]);
  }
  // fromEntries: a target named `__proto__` stays a target and cannot reach a prototype.
  const targets = Object.fromEntries(entries);
  return { version: 2, targets, ...(doc._extends === undefined ? {} : { _extends: doc._extends }) };
}

/** Migrates a validated v1 document into the v2 format, keeping its meaning. */
export function migrateV1(doc: DeployFileV1): DeployFileV2 {
  return wrapTargets(doc, (target) => pinV1RequiredContexts(foldLegacyDeployments(dropV1EmptyStrings(target))));
}
