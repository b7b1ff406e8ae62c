import { checkRefName, checkTargetName } from "./check-names.js";
import type { ParsedCommand } from "./command.js";
import { formatUsage, invalidCommand, type GrammarContext } from "./command-grammar.js";
import { parseParams, type ParseParamsResult } from "./parse-params.js";
import { readFlags, type FlagSpecs } from "./read-flags.js";
import { isPipe, type Token } from "./tokenize-arguments.js";

const DEPLOY_FLAGS: FlagSpecs = { force: {} };
const NO_PARAMS: ParseParamsResult = { ok: true, params: {} };

/**
 * `/deploy [target] [ref] [--force] [| key=value …]`, and `/noop` (a dry run) with the same form.
 * `--force` may stand anywhere before the `|`; everything after the first `|` is parameters.
 */
export function parseDeployArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const pipe = tokens.findIndex(isPipe);
  const flags = readFlags(pipe < 0 ? tokens : tokens.slice(0, pipe), DEPLOY_FLAGS, formatUsage(context));
  if (!flags.ok) return invalidCommand(context, flags.message);
  const [target, ref, extra] = flags.positionals;
  if (extra !== undefined) {
    const example = formatUsage(context, 'production main | key="a value"');
    return invalidCommand(
      context,
      `${formatUsage(context)} takes at most a target and a ref, then parameters after |: ${example}`,
    );
  }
  const problem = checkOptional(target, checkTargetName) ?? checkOptional(ref, checkRefName);
  if (problem !== undefined) return invalidCommand(context, problem);
  const params = pipe < 0 ? NO_PARAMS : parseParams(tokens.slice(pipe + 1));
  if (!params.ok) return invalidCommand(context, params.message);
  return {
    kind: "deploy",
    dryRun: context.command === "noop",
    target: target?.text,
    ref: ref?.text,
    force: flags.switches.has("force"),
    params: params.params,
  };
}

function checkOptional(token: Token | undefined, check: (text: string) => string | undefined): string | undefined {
  return token === undefined ? undefined : check(token.text);
}
