import type { DeployFile, DeployFileV2, TargetV1, TargetV2 } from "./config-types.js";
import type { KeyPath } from "./path-problem.js";

/** A target as written in a validated file, with the path the user wrote it at. */
export interface FileTarget {
  readonly name: string;
  /** `["production"]` in v1, `["targets", "production"]` in v2. */
  readonly path: KeyPath;
  readonly target: TargetV1 | TargetV2;
}

/** True for a validated `version: 2` document. */
export function isDeployFileV2(doc: DeployFile): doc is DeployFileV2 {
  return doc.version === 2;
}

/** The targets of a validated file in either format, in file order. */
export function listFileTargets(doc: DeployFile): FileTarget[] {
  if (isDeployFileV2(doc)) {
    return Object.entries(doc.targets).map(([name, target]) => ({ name, path: ["targets", name], target }));
  }
  const targets: FileTarget[] = [];
  for (const [name, target] of Object.entries(doc)) {
    // `_extends` is the one top-level key of a v1 file that is not a target.
    if (name === "_extends" || typeof target !== "object") continue;
    targets.push({ name, path: [name], target });
  }
  return targets;
}
