import type { CommandName, ParsedCommand } from "./command.js";
import type { Token } from "./tokenize-arguments.js";

/** What a grammar needs besides the tokens: the command it reads, and the prefix to write examples with. */
export interface GrammarContext {
  readonly command: CommandName;
  readonly prefix: string;
}

/** Reads the arguments of one command into its `ParsedCommand`, or `invalid` saying what was expected. */
export type CommandGrammar = (tokens: readonly Token[], context: GrammarContext) => ParsedCommand;

/** The `invalid` result for the context's command. */
export function invalidCommand(context: GrammarContext, message: string): ParsedCommand {
  return { kind: "invalid", command: context.command, message };
}

/** The command as a user would write it, optionally with arguments: `/rollback production`. */
export function formatUsage(context: GrammarContext, args?: string): string {
  const command = `${context.prefix}${context.command}`;
  return args === undefined ? command : `${command} ${args}`;
}
