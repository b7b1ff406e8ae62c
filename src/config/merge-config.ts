import { isPlainObject } from "./is-plain-object.js";

/**
 * Deep-merges configuration documents, BASE FIRST: later documents win, mappings merge key by key,
 * and anything else — lists included — is replaced, never concatenated (an org default
 * `required_contexts: [ci]` must not survive a repository's `required_contexts: []`).
 *
 * Order: `@probot/octokit-plugin-config` (4.1.0, compose-config-get.js) collects the files
 * repository-first (the repository's file, else the org's `.github` repository's file, then each
 * `_extends` target in turn, see util/get-config-files.js), then calls `defaults(configs)` with
 * `files.map(f => f.config).reverse().filter(Boolean)` — the deepest `_extends` first and the
 * repository's own file last. So it can be passed as is: `defaults: (configs) => mergeConfigs(configs)`.
 * Missing files (`null`/`undefined`) are skipped, as there. Probot's own `context.config` merges
 * with deepmerge, which concatenates lists; do not use it for this file.
 */
export function mergeConfigs(configs: readonly unknown[]): unknown {
  let merged: unknown = undefined;
  for (const config of configs) {
    if (config === null || config === undefined) continue;
    merged = mergeTwo(merged, config);
  }
  return merged ?? {};
}

function mergeTwo(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const keys = new Set([...Object.keys(base), ...Object.keys(override)]);
  // fromEntries defines own properties, so a `__proto__` key cannot replace the prototype.
  return Object.fromEntries(
    [...keys].map((key) => [key, Object.hasOwn(override, key) ? mergeTwo(base[key], override[key]) : base[key]]),
  );
}
