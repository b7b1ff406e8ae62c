import { checkNotificationChannels } from "../config/check-notification-channels.js";
import { escapeMarkdown } from "../config/escape-markdown.js";
import { formatProblems } from "../config/format-problems.js";
import { locateProblems } from "../config/locate-problems.js";
import type { ConfigProblem } from "../config/model.js";
import type { RepoContext } from "../deploy/repo-context.js";
import type { ConfigLoad } from "../github/load-config.js";
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
    const warnings = [...result.warnings, ...(await unregisteredChannels(deps, result))];
    await deps.github.createCheckRun({
      name: CONFIG_CHECK_NAME,
      head_sha: sha,
      conclusion: "success",
      output: {
        title: "Configuration is valid",
        summary: formatSummary(summary, warnings),
        ...(warnings.some(isOwn) ? { annotations: annotate(warnings, "warning") } : {}),
      },
    });
    return;
  }
  const annotations = annotate(result.problems, "failure");
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

/** The `notifications` entries naming channels the owner has not registered, located in the files. */
async function unregisteredChannels(deps: RepoContext, loaded: Extract<ConfigLoad, { kind: "ok" }>): Promise<ConfigProblem[]> {
  if (loaded.config.notifications.length === 0) return [];
  const registered = await deps.notifications.channelNames();
  const problems = checkNotificationChannels(loaded.config.notifications, registered, deps.repo.owner);
  return locateProblems(problems, loaded.files);
}

// Annotations must point into this repository; problems in an inherited file are in the summary.
function isOwn(problem: ConfigProblem): boolean {
  return problem.file === CONFIG_PATH;
}

function annotate(problems: readonly ConfigProblem[], level: "failure" | "warning") {
  return problems
    .filter(isOwn)
    .slice(0, MAX_ANNOTATIONS)
    .map((problem) => ({
      path: CONFIG_PATH,
      start_line: problem.line ?? 1,
      end_line: problem.line ?? 1,
      annotation_level: level,
      message: problem.key === "" ? problem.message : `${problem.key}: ${problem.message}`,
    }));
}

function formatSummary(summary: string, warnings: Parameters<typeof formatProblems>[0]): string {
  return warnings.length === 0 ? summary : `${summary}\n\nWarnings:\n\n${formatProblems(warnings)}`;
}
