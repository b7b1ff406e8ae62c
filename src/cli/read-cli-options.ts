/** The options a command takes: those with a value (`--url <u>` or `--url=<u>`) and flags (`--all`). */
export interface CliOptionSpec<Value extends string, Flag extends string = never> {
  readonly values: readonly Value[];
  readonly flags?: readonly Flag[];
}

/** A command's arguments read: its positional words, option values and flags; or what is wrong. */
export type CliOptions<Value extends string, Flag extends string> =
  | {
      readonly positional: readonly string[];
      readonly values: Readonly<Partial<Record<Value, string>>>;
      readonly flags: ReadonlySet<Flag>;
    }
  | { readonly error: string };

const TOKEN_AS_FLAG = "the admin token is read from the ADMIN_TOKEN environment variable only, never a flag (shell history)";

/**
 * Reads a command's arguments: `--` ends the options (for a word starting with `-`); an option
 * given twice, a value missing, an unknown option or a `--token` (the admin token belongs in the
 * environment, not in shell history) is an error naming it.
 */
export function readCliOptions<Value extends string, Flag extends string = never>(
  args: readonly string[],
  spec: CliOptionSpec<Value, Flag>,
): CliOptions<Value, Flag> {
  const positional: string[] = [];
  const values: Partial<Record<Value, string>> = {};
  const flags = new Set<Flag>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = (equals === -1 ? arg : arg.slice(0, equals)).slice(2);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    if (arg.startsWith("--") && spec.values.includes(name as Value)) {
      const value = inline ?? args[i + 1];
      if (value === undefined) return { error: `--${name} needs a value` };
      if (inline === undefined) i += 1;
      if (values[name as Value] !== undefined) return { error: `--${name} is given twice` };
      values[name as Value] = value;
    } else if (inline === undefined && arg.startsWith("--") && (spec.flags ?? []).includes(name as Flag)) {
      flags.add(name as Flag);
    } else if (arg.startsWith("--") && name === "token") {
      return { error: TOKEN_AS_FLAG };
    } else if (arg.startsWith("-") && arg !== "-") {
      return { error: `unknown option "${arg}"` };
    } else {
      positional.push(arg);
    }
  }
  return { positional, values, flags };
}
