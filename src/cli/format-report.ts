import type { ConfigProblem } from "../config/model.js";
import { toPlainLine } from "./plain-line.js";
import type { ValidationReport } from "./validate-deploy-file.js";

/**
 * The text output of `deliverybot validate`: one compiler-style line per problem, which editors
 * and CI problem matchers understand (`path:line: error: key: message`), warnings likewise, then a
 * summary line. Plain text, one line each; ends in "\n".
 */
export function formatReport(report: ValidationReport, file: string): string {
  const lines = [
    ...report.problems.map((problem) => formatDiagnostic(problem, "error")),
    ...report.warnings.map((warning) => formatDiagnostic(warning, "warning")),
    formatSummary(report, file),
  ];
  return lines.map((line) => `${toPlainLine(line)}\n`).join("");
}

/** `path:line: error: key: message`; the line and the key are left out when unknown. */
export function formatDiagnostic(problem: ConfigProblem, severity: "error" | "warning"): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const what = problem.key === "" ? problem.message : `${problem.key}: ${problem.message}`;
  return `${where}: ${severity}: ${what}`;
}

/**
 * `--format json`: `{ valid, problems, warnings, targets }`, each problem as
 * `{ file, line?, key, message }` (no `line` when unknown). Ends in "\n".
 */
export function formatJsonReport(report: ValidationReport): string {
  const toJson = ({ file, line, key, message }: ConfigProblem) => ({ file, line, key, message });
  const { valid, targets } = report;
  const json = { valid, problems: report.problems.map(toJson), warnings: report.warnings.map(toJson), targets };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function formatSummary(report: ValidationReport, file: string): string {
  if (!report.valid) return `✗ ${count(report.problems.length, "problem")} in ${file}`;
  const targets =
    report.targets.length === 0
      ? "no targets of its own"
      : `${count(report.targets.length, "target")} (${report.targets.join(", ")})`;
  const warnings = report.warnings.length === 0 ? "" : `, ${count(report.warnings.length, "warning")}`;
  return `✓ ${file} is valid: ${targets}${warnings}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
