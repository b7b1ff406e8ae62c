import { parseDocument } from "yaml";
import { checkConfig } from "./check-config.js";
import type { ConfigSources, ParseConfigResult } from "./config-sources.js";
import { locateProblems } from "./locate-problems.js";
import type { ConfigProblem } from "./model.js";

export type { ConfigSourceFile, ConfigSources, ParseConfigResult } from "./config-sources.js";

/**
 * Loads a configuration: the already-merged document (`mergeConfigs`, base first) plus the raw
 * files it came from (the repository's own first), which only serve to report lines. Returns the
 * canonical `DeployConfig` with warnings, or every problem with file, line, key and a fix.
 */
export function parseConfig(sources: ConfigSources): ParseConfigResult {
  const checked = checkConfig(sources.config);
  if (!checked.ok) return { ok: false, problems: locateProblems(checked.problems, sources.files) };
  return { ok: true, config: checked.config, warnings: locateProblems(checked.warnings, sources.files) };
}

/**
 * Parses one YAML file the way Probot does (`yaml`, YAML 1.2, duplicate keys rejected), reporting
 * syntax errors with their line, then loads it with `parseConfig`. For validating a changed file
 * on its own, e.g. in a pull request.
 */
export function parseConfigText(text: string, file: string): ParseConfigResult {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error): ConfigProblem => {
      const line = error.linePos?.[0].line;
      const message = `YAML syntax error: ${firstLine(error.message)}`;
      return line === undefined ? { file, key: "", message } : { file, line, key: "", message };
    });
    return { ok: false, problems };
  }
  let config: unknown;
  try {
    config = doc.toJS();
  } catch (error) {
    // e.g. "Excessive alias count": the guard against exponential alias expansion.
    return { ok: false, problems: [{ file, key: "", message: `YAML error: ${firstLine(String(error))}` }] };
  }
  return parseConfig({ config, files: [{ file, text }] });
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column (\d+):?$/, " (column $1).");
}
