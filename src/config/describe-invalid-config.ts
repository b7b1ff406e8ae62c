import type { ConfigProblem } from "./model.js";

/** "The configuration is invalid, nothing deploys until it is fixed: .github/deploy.yml:4 … (and 2 more)" */
export function describeInvalidConfig(problems: readonly ConfigProblem[]): string {
  const [first] = problems;
  const where = first === undefined ? "" : `${first.file}${first.line === undefined ? "" : `:${first.line}`} `;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return `The configuration is invalid, nothing deploys until it is fixed: ${where}${first?.message ?? ""}${more}`;
}
