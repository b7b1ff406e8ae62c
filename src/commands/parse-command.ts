import { COMMAND_NAMES, type CommandName, type ParsedCommand } from "./command.js";
import { invalidCommand, type CommandGrammar } from "./command-grammar.js";
import { parseDeployArguments } from "./parse-deploy-arguments.js";
import { parseLockArguments, parseUnlockArguments } from "./parse-lock-arguments.js";
import {
  parseApproveArguments,
  parsePromoteArguments,
  parseRejectArguments,
  parseRollbackArguments,
  parseWhyArguments,
  takesNoArguments,
} from "./parse-target-arguments.js";
import { suggestCommand } from "./suggest-command.js";
import { tokenizeArguments } from "./tokenize-arguments.js";

const NONE: ParsedCommand = { kind: "none" };

const GRAMMARS: Readonly<Record<CommandName, CommandGrammar>> = {
  deploy: parseDeployArguments,
  noop: parseDeployArguments,
  rollback: parseRollbackArguments,
  promote: parsePromoteArguments,
  approve: parseApproveArguments,
  reject: parseRejectArguments,
  lock: parseLockArguments,
  unlock: parseUnlockArguments,
  locks: takesNoArguments({ kind: "locks" }),
  status: takesNoArguments({ kind: "status" }),
  why: parseWhyArguments,
  help: takesNoArguments({ kind: "help" }),
};

/**
 * What the first line of a pull request comment asks for. The line (trimmed) must start with
 * `prefix` (compared case-insensitively; a prefix ending in a space, like `"deliverybot "`, accepts
 * any run of whitespace there) directly followed by a command word, matched whole and
 * case-insensitively. Anything else is `none`, except a word within two typos of a command
 * (`unknown`, with a suggestion). Pure and total: never throws, whatever the input.
 */
export function parseCommand(body: string, prefix: string): ParsedCommand {
  const rest = stripPrefix(firstLine(body), prefix);
  if (rest === undefined) return NONE;
  const [, word = "", args = ""] = /^(\S*)(.*)$/su.exec(rest) ?? [];
  const command = COMMAND_NAMES.find((name) => name === word.toLowerCase());
  if (command === undefined) {
    const suggestion = suggestCommand(word);
    return suggestion === undefined ? NONE : { kind: "unknown", word, suggestion };
  }
  const context = { command, prefix };
  const tokens = tokenizeArguments(args);
  if (!tokens.ok) return invalidCommand(context, tokens.message);
  return GRAMMARS[command](tokens.tokens, context);
}

/** The first line, trimmed. A lone `\r` ends a line too, as in CommonMark: the line GitHub shows first. */
function firstLine(body: string): string {
  return (body.split(/\r\n|\r|\n/, 1)[0] ?? "").trim();
}

/** What follows `prefix` at the start of `line`, or `undefined` when the line does not start with it. */
function stripPrefix(line: string, prefix: string): string | undefined {
  const head = prefix.trimEnd();
  if (line.slice(0, head.length).toLowerCase() !== head.toLowerCase()) return undefined;
  const rest = line.slice(head.length);
  if (head.length === prefix.length) return rest;
  const afterSpace = rest.trimStart();
  return afterSpace.length < rest.length ? afterSpace : undefined;
}
