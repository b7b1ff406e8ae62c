import type { KeyPath } from "./path-problem.js";

// Segments that read unambiguously after a dot; anything else (dots, spaces) is bracketed.
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * Formats a key path the way the user wrote it: `production.required_contexts[1]`,
 * `targets["eu.prod"].environment`; `""` for the whole document.
 */
export function formatKeyPath(path: KeyPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (!PLAIN_SEGMENT.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
