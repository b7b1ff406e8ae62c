import { checkTargetName } from "./check-names.js";
import type { ParsedCommand } from "./command.js";
import type { Token } from "./tokenize-arguments.js";

/** What a lock covers: one target, or every target of the repository. */
export type LockScope = Extract<ParsedCommand, { kind: "unlock" }>["scope"];

/** The scope of `/lock` or `/unlock`, or why it cannot be read. */
export type ReadScopeResult = { readonly ok: true; readonly scope: LockScope } | { readonly ok: false; readonly message: string };

/**
 * Exactly one of a target name and `--global`. `usage` is the command as written (`/lock`) for the
 * message that shows the two forms.
 */
export function readScope(positionals: readonly Token[], global: boolean, usage: string): ReadScopeResult {
  const [target, extra] = positionals;
  const forms = `${usage} production or ${usage} --global`;
  if (extra !== undefined) return { ok: false, message: `${usage} takes one target: ${forms}` };
  if (target !== undefined && global) return { ok: false, message: `${usage} takes a target or --global, not both: ${forms}` };
  if (global) return { ok: true, scope: { global: true } };
  if (target === undefined) return { ok: false, message: `${usage} expects a target or --global: ${forms}` };
  const problem = checkTargetName(target.text);
  if (problem !== undefined) return { ok: false, message: problem };
  return { ok: true, scope: { global: false, target: target.text } };
}
