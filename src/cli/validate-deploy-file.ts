import { formatYamlValue } from "../config/format-yaml-value.js";
import { locateProblems } from "../config/locate-problems.js";
import type { ConfigProblem } from "../config/model.js";
import { parseConfigText } from "../config/parse-config.js";
import { validateConfig } from "../config/validate-config.js";
import { findExtends } from "./find-extends.js";

/** What `deliverybot validate` found; also its `--format json` output. */
export interface ValidationReport {
  readonly valid: boolean;
  readonly problems: readonly ConfigProblem[];
  readonly warnings: readonly ConfigProblem[];
  /** The names of the file's own targets, in file order; [] when invalid. */
  readonly targets: readonly string[];
}

/**
 * Validates one deploy.yml with the app's own code (`parseConfigText`). `_extends` cannot be
 * resolved offline, so the file is checked on its own with a warning saying so. A file whose only
 * key is `_extends` passes with that warning: the app validates it merged with what it inherits.
 */
export function validateDeployFile(text: string, file: string): ValidationReport {
  const result = parseConfigText(text, file);
  const inherits = findExtends(text);
  if (inherits === undefined) {
    if (!result.ok) return { valid: false, problems: result.problems, warnings: [], targets: [] };
    return { valid: true, problems: [], warnings: result.warnings, targets: result.config.targets.map((target) => target.name) };
  }
  if (inherits.onlyKey) return validateExtendsOnly(text, file, inherits.value);

  // A non-string `_extends` is a schema problem of its own; only a real reference gets the warning.
  const warnings = typeof inherits.value === "string" ? [extendsWarning(text, file, inherits.value, false)] : [];
  if (!result.ok) return { valid: false, problems: result.problems, warnings, targets: [] };
  const targets = result.config.targets.map((target) => target.name);
  return { valid: true, problems: [], warnings: [...warnings, ...result.warnings], targets };
}

function validateExtendsOnly(text: string, file: string, value: unknown): ValidationReport {
  // The schema still checks the `_extends` value itself (a string naming the file to inherit).
  const checked = validateConfig({ _extends: value });
  if (!checked.ok)
    return { valid: false, problems: locateProblems(checked.problems, [{ file, text }]), warnings: [], targets: [] };
  return { valid: true, problems: [], warnings: [extendsWarning(text, file, value, true)], targets: [] };
}

function extendsWarning(text: string, file: string, source: unknown, onlyKey: boolean): ConfigProblem {
  const scope = onlyKey
    ? "its targets and settings were not checked."
    : "inherited settings were not checked, only this file's own content.";
  const message = `inherits from \`${formatYamlValue(source)}\`, which cannot be read offline: ${scope}`;
  const [located] = locateProblems([{ path: ["_extends"], message }], [{ file, text }]);
  return located ?? { file, key: "_extends", message };
}
