import { createYamlLocator, type YamlLocation } from "./create-yaml-locator.js";
import type { KeyPath } from "./path-problem.js";

export type { YamlLocation } from "./create-yaml-locator.js";

/**
 * The 1-based line of a key path (`["production", "environment"]`) in YAML source, with how much
 * of the path exists: for a missing key, the line of its nearest existing parent. Undefined for a
 * file with no content. To look up many paths in one file, use `createYamlLocator`.
 */
export function locateYamlPath(text: string, path: KeyPath): YamlLocation | undefined {
  return createYamlLocator(text)(path);
}
