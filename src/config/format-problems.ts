import { escapeMarkdown } from "./escape-markdown.js";
import { formatSentence } from "./format-sentence.js";
import type { ConfigProblem } from "./model.js";

/** A check run summary holds at most 65,535 characters; a hostile file must not overflow it. */
const MAX_PROBLEMS = 50;
const MAX_TEXT_LENGTH = 300;

/**
 * Renders problems as a Markdown list for a check run summary or a comment:
 * `- **file:line** — key — message`. Everything that came from the file is escaped; the
 * backtick-quoted parts of a message are shown as code. Returns "" when there are no problems.
 */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  const lines = problems.slice(0, MAX_PROBLEMS).map(formatProblem);
  if (problems.length > MAX_PROBLEMS) lines.push(`- … and ${problems.length - MAX_PROBLEMS} more`);
  return lines.join("\n");
}

function formatProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const parts = [`**${escapeMarkdown(truncate(where))}**`];
  if (problem.key !== "") parts.push(code(problem.key));
  parts.push(formatSentence(truncate(problem.message)));
  return `- ${parts.join(" — ")}`;
}

function code(text: string): string {
  return `<code>${escapeMarkdown(truncate(text))}</code>`;
}

function truncate(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH)}…` : text;
}
