import { resolve } from "node:path";
import type { CliCommand } from "./cli-command.js";
import type { CliIo } from "./cli-io.js";
import { describeReadError } from "./describe-read-error.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { formatJsonReport, formatReport } from "./format-report.js";
import { parseValidateArgs } from "./parse-validate-args.js";
import { toPlainLine } from "./plain-line.js";
import { validateDeployFile } from "./validate-deploy-file.js";

const HELP = `Usage: deliverybot validate [path] [--format text|json]

Checks a deploy.yml with the same validation the app runs, and prints each problem with its
line, the way compilers do, so editors and CI can point at it:

  .github/deploy.yml:4: error: targets.production.auto_deploy_onn: unknown key … did you mean \`auto_deploy_on\`? …
  ✗ 1 problem in .github/deploy.yml

Arguments:
  path                  the file to check; default .github/deploy.yml in the current directory

Options:
  --format text|json    text (default), or one JSON object for CI tooling:
                        { "valid", "problems", "warnings", "targets" }
  -h, --help            show this help

_extends cannot be resolved offline: the file's own content is checked and a warning says
that inherited settings were not; a file with only _extends passes with that warning.

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable file.
`;

/** `deliverybot validate [path]`: checks a deploy.yml with the app's own validation. */
export const validateCommand: CliCommand = {
  name: "validate",
  synopsis: "[path] [--format text|json]",
  summary: "check a deploy.yml the way the app does, with line-precise errors",
  help: HELP,
  run: runValidate,
};

async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseValidateArgs(args);
  if ("error" in parsed) {
    io.stderr(`${toPlainLine(`deliverybot validate: ${parsed.error}; see deliverybot help validate`)}\n`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = await io.readFile(resolve(io.cwd, parsed.path));
  } catch (error) {
    io.stderr(`${toPlainLine(`deliverybot validate: ${describeReadError(error, parsed.path)}`)}\n`);
    return EXIT_USAGE;
  }
  const report = validateDeployFile(text, parsed.path);
  io.stdout(parsed.format === "json" ? formatJsonReport(report) : formatReport(report, parsed.path));
  return report.valid ? EXIT_OK : EXIT_INVALID;
}
