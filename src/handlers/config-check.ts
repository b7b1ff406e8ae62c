import { escapeMarkdown } from "../config/escape-markdown.js";
import { formatProblems } from "../config/format-problems.js";
import type { RepoContext } from "../deploy/repo-context.js";
import { CONFIG_PATH } from "../config/config-path.js";

/** The check run that reports whether a changed configuration is valid. */
export const CONFIG_CHECK_NAME = "Deliverybot config";
/** GitHub accepts at most this many annotations per request. */
const MAX_ANNOTATIONS = 50;

/**
 * Validates the configuration as it is at a commit that changed it (`_extends` resolved, as the
 * gates would load it once merged), and reports the result as a check run with the errors' lines
 * annotated. Reporting only: gates always use the default branch.
 */
export async function reportConfigCheck(deps: RepoContext, sha: string): Promise<void> {
  const result = await deps.github.loadConfigAt(sha);
  if (result.kind === "missing") return;

  if (result.kind === "ok") {
    const names = escapeMarkdown(result.config.targets.map((target) => target.name).join(", "));
    const summary = `${CONFIG_PATH} is valid: ${result.config.targets.length} target(s) (${names}).`;
    await deps.github.createCheckRun({
      name: CONFIG_CHECK_NAME,
      head_sha: sha,
      conclusion: "success",
      output: { title: "Configuration is valid", summary: formatSummary(summary, result.warnings) },
    });
    return;
  }
  // Annotations must point into this repository; problems in an inherited file are in the summary.
  const own = result.problems.filter((problem) => problem.file === CONFIG_PATH);
  const annotations = own.slice(0, MAX_ANNOTATIONS).map((problem) => ({
    path: CONFIG_PATH,
    start_line: problem.line ?? 1,
    end_line: problem.line ?? 1,
    annotation_level: "failure" as const,
    message: problem.key === "" ? problem.message : `${problem.key}: ${problem.message}`,
  }));
  await deps.github.createCheckRun({
    name: CONFIG_CHECK_NAME,
    head_sha: sha,
    conclusion: "failure",
    output: {
      title: `${result.problems.length} problem(s) in ${CONFIG_PATH}`,
      summary: formatProblems(result.problems),
      annotations,
    },
  });
}

function formatSummary(summary: string, warnings: Parameters<typeof formatProblems>[0]): string {
  return warnings.length === 0 ? summary : `${summary}\n\nWarnings:\n\n${formatProblems(warnings)}`;
}
