import { MERGE_GROUP_MEMORY_MS } from "../domain/merge-groups.js";
import type { FileTarget } from "./list-file-targets.js";
import { parseDuration } from "./parse-duration.js";
import type { PathProblem } from "./path-problem.js";
import { MAX_GROUP_TIMEOUT } from "./schema.js";

/**
 * What the schema cannot say about `coalesce.group_timeout`: it may not be longer than the day
 * merge groups are remembered, or a group would stop holding before its timeout without saying so.
 */
export function checkCoalesce(targets: readonly FileTarget[]): PathProblem[] {
  return targets.flatMap(({ path, target }) => {
    const coalesce = "coalesce" in target ? target.coalesce : undefined;
    if (typeof coalesce !== "object" || coalesce.group_timeout === undefined) return [];
    const ms = parseDuration(coalesce.group_timeout) ?? 0;
    if (ms <= MERGE_GROUP_MEMORY_MS) return [];
    const message = `\`group_timeout: ${coalesce.group_timeout}\` is longer than ${MAX_GROUP_TIMEOUT}, how long Deliverybot remembers merge groups; write at most \`${MAX_GROUP_TIMEOUT}\`.`;
    return [{ path: [...path, "coalesce", "group_timeout"], message }];
  });
}
