import { parseDuration } from "../config/parse-duration.js";
import { formatUsage, invalidCommand, type GrammarContext } from "./command-grammar.js";
import type { ParsedCommand } from "./command.js";
import { quoteInput } from "./quote-input.js";
import { readFlags, type FlagSpecs } from "./read-flags.js";
import { readScope } from "./read-scope.js";
import type { Token } from "./tokenize-arguments.js";

const LOCK_FLAGS: FlagSpecs = { global: {}, reason: { example: '"deploy freeze"' }, for: { example: "2h" } };
const UNLOCK_FLAGS: FlagSpecs = { global: {} };
const DURATION_EXAMPLE = "such as 30s, 15m, 2h, 1d or 1h30m";

/** `/lock <target> [--reason "…"] [--for 2h]` or `/lock --global [--reason "…"] [--for 2h]`. */
export function parseLockArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const usage = formatUsage(context);
  const flags = readFlags(tokens, LOCK_FLAGS, usage);
  if (!flags.ok) return invalidCommand(context, flags.message);
  const scope = readScope(flags.positionals, flags.switches.has("global"), usage);
  if (!scope.ok) return invalidCommand(context, scope.message);
  const duration = flags.values.get("for");
  const forMs = duration === undefined ? undefined : parseDuration(duration);
  if (duration !== undefined && forMs === undefined) {
    return invalidCommand(context, `--for expects a duration ${DURATION_EXAMPLE}, not ${quoteInput(duration)}`);
  }
  if (forMs === 0) return invalidCommand(context, `--for expects a duration longer than zero, ${DURATION_EXAMPLE}`);
  return { kind: "lock", scope: scope.scope, reason: flags.values.get("reason"), forMs };
}

/** `/unlock <target>` or `/unlock --global`. */
export function parseUnlockArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const usage = formatUsage(context);
  const flags = readFlags(tokens, UNLOCK_FLAGS, usage);
  if (!flags.ok) return invalidCommand(context, flags.message);
  const scope = readScope(flags.positionals, flags.switches.has("global"), usage);
  if (!scope.ok) return invalidCommand(context, scope.message);
  return { kind: "unlock", scope: scope.scope };
}
