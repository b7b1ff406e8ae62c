import { checkTargetName } from "./check-names.js";
import type { ParsedCommand } from "./command.js";
import { formatUsage, invalidCommand, type CommandGrammar, type GrammarContext } from "./command-grammar.js";
import { readFlags } from "./read-flags.js";
import type { Token } from "./tokenize-arguments.js";

type ReadTargetResult =
  { readonly ok: true; readonly target: string | undefined } | { readonly ok: false; readonly message: string };

/** `/rollback <target>`: the target is required. */
export function parseRollbackArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const read = readTarget(tokens, context);
  if (!read.ok) return invalidCommand(context, read.message);
  if (read.target === undefined) {
    return invalidCommand(context, `${formatUsage(context)} expects a target: ${formatUsage(context, "production")}`);
  }
  return { kind: "rollback", target: read.target };
}

/** `/promote <from> <to> [--force]`: both targets are required. */
export function parsePromoteArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const flags = readFlags(tokens, { force: {} }, formatUsage(context));
  if (!flags.ok) return invalidCommand(context, flags.message);
  const [from, to, extra] = flags.positionals;
  if (from === undefined || to === undefined || extra !== undefined) {
    return invalidCommand(context, `${formatUsage(context)} expects two targets: ${formatUsage(context, "staging production")}`);
  }
  const problem = checkTargetName(from.text) ?? checkTargetName(to.text);
  if (problem !== undefined) return invalidCommand(context, problem);
  return { kind: "promote", from: from.text, to: to.text, force: flags.switches.has("force") };
}

/** `/approve [target]`. */
export function parseApproveArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const read = readTarget(tokens, context);
  if (!read.ok) return invalidCommand(context, read.message);
  return { kind: "approve", target: read.target };
}

/** `/reject [target] [reason…]`: a lone word is the target; words after the target are the reason. */
export function parseRejectArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const flags = readFlags(tokens, {}, formatUsage(context));
  if (!flags.ok) return invalidCommand(context, flags.message);
  const [target, ...words] = flags.positionals;
  if (target === undefined) return { kind: "reject", target: undefined, reason: undefined };
  const problem = checkTargetName(target.text);
  if (problem !== undefined) return invalidCommand(context, problem);
  const reason = words.map((word) => word.text).join(" ");
  return { kind: "reject", target: target.text, reason: reason === "" ? undefined : reason };
}

/** `/why [target]`. */
export function parseWhyArguments(tokens: readonly Token[], context: GrammarContext): ParsedCommand {
  const read = readTarget(tokens, context);
  if (!read.ok) return invalidCommand(context, read.message);
  return { kind: "why", target: read.target };
}

/** The grammar of a command without arguments (`/locks`, `/status`, `/help`) that always means `result`. */
export function takesNoArguments(result: ParsedCommand): CommandGrammar {
  return (tokens, context) => {
    if (tokens.length === 0) return result;
    return invalidCommand(context, `${formatUsage(context)} takes no arguments`);
  };
}

/** At most one target name and no flags. */
function readTarget(tokens: readonly Token[], context: GrammarContext): ReadTargetResult {
  const flags = readFlags(tokens, {}, formatUsage(context));
  if (!flags.ok) return flags;
  const [target, extra] = flags.positionals;
  if (extra !== undefined) {
    return { ok: false, message: `${formatUsage(context)} takes one target: ${formatUsage(context, "production")}` };
  }
  if (target === undefined) return { ok: true, target: undefined };
  const problem = checkTargetName(target.text);
  if (problem !== undefined) return { ok: false, message: problem };
  return { ok: true, target: target.text };
}
