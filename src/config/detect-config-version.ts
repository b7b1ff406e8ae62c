import { formatYamlValue } from "./format-yaml-value.js";
import type { PathProblem } from "./path-problem.js";

/** Which format a document is in, or why that cannot be told. */
export type VersionCheck = { readonly version: 1 | 2 } | { readonly problem: PathProblem };

const SUPPORTED =
  "Deliverybot reads `version: 2` (targets under `targets:`), or a file without `version` in the original Deliverybot (v1) format";

/**
 * `version: 2` is the current format; no `version` at all is the original Deliverybot format (v1),
 * which had no such key. Any other `version` is an error naming the versions that exist, and a
 * `targets:` key without `version: 2` almost always means the line was forgotten.
 */
export function detectConfigVersion(doc: { readonly [key: string]: unknown }): VersionCheck {
  if (!Object.hasOwn(doc, "version")) {
    if (Object.hasOwn(doc, "targets")) {
      return {
        problem: { path: ["targets"], message: "`targets:` is only read in a v2 file: add `version: 2` at the top of the file." },
      };
    }
    return { version: 1 };
  }
  const version = doc["version"];
  if (version === 2) return { version: 2 };
  if (version === "2") return { problem: { path: ["version"], message: "write `version: 2` as a number, without quotes." } };
  return { problem: { path: ["version"], message: `unsupported \`version: ${formatYamlValue(version)}\`. ${SUPPORTED}.` } };
}
