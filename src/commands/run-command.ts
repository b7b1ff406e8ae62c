import type { CommandContext } from "./command-context.js";
import type { ParsedCommand } from "./command.js";
import { renderHelp } from "./render-help.js";
import { refusal, sentence } from "./reply.js";
import { runApprove } from "./run-approve.js";
import { runDeploy } from "./run-deploy.js";
import { runLock, runLocks, runUnlock } from "./run-lock.js";
import { runPromote } from "./run-promote.js";
import { runRollback } from "./run-rollback.js";
import { runStatus } from "./run-status.js";
import { runWhy } from "./run-why.js";

/** Runs one parsed command and returns the Markdown reply; every command is answered. */
export async function runCommand(ctx: CommandContext, command: Exclude<ParsedCommand, { kind: "none" }>): Promise<string> {
  const { config } = ctx;
  const prefix = config.commandPrefix;
  switch (command.kind) {
    case "unknown":
      return sentence(
        `Unknown command \`${prefix}${command.word}\`. Did you mean \`${prefix}${command.suggestion}\`? \`${prefix}help\` lists them all.`,
      );
    case "invalid":
      return refusal("invalid_command", `${command.message} (\`${prefix}help\` shows every command.)`);
    case "help":
      return renderHelp(
        prefix,
        config.targets.map((target) => target.name),
        config.defaultTarget,
      );
    case "deploy":
      return runDeploy(ctx, command);
    case "rollback":
      return runRollback(ctx, command);
    case "promote":
      return runPromote(ctx, command);
    case "approve":
    case "reject":
      return runApprove(ctx, command);
    case "lock":
      return runLock(ctx, command);
    case "unlock":
      return runUnlock(ctx, command);
    case "locks":
      return runLocks(ctx);
    case "status":
      return runStatus(ctx);
    case "why":
      return runWhy(ctx, command.target);
  }
}
