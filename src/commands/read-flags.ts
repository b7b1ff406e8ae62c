import { quoteInput } from "./quote-input.js";
import { isFlag, isPipe, type Token } from "./tokenize-arguments.js";

/** The flags a command accepts, by name without `--`. A flag with an `example` value takes a value. */
export type FlagSpecs = Readonly<Record<string, { readonly example?: string }>>;

/** The tokens that are not flags, the flags given without a value, and the values of the others. */
export type ReadFlagsResult =
  | {
      readonly ok: true;
      readonly positionals: readonly Token[];
      readonly switches: ReadonlySet<string>;
      readonly values: ReadonlyMap<string, string>;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Separates flags from positional arguments. Flag names are case-insensitive; a value follows as
 * the next token (`--reason "deploy freeze"`) or after `=` (`--reason=freeze`). A flag the
 * command does not accept, a value for a flag that takes none, a missing or empty value and a
 * value given twice are refused with a message naming `usage` (the command as written, `/lock`).
 */
export function readFlags(tokens: readonly Token[], specs: FlagSpecs, usage: string): ReadFlagsResult {
  const positionals: Token[] = [];
  const switches = new Set<string>();
  const values = new Map<string, string>();
  const remaining = tokens.values(); // shared with the loop, so a flag can take the next token as its value
  for (const token of remaining) {
    if (!isFlag(token)) {
      positionals.push(token);
      continue;
    }
    const equals = token.text.indexOf("=");
    const written = equals < 0 ? token.text : token.text.slice(0, equals);
    const name = written.toLowerCase().slice(2);
    const spec = written.startsWith("--") && Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) return { ok: false, message: `unknown flag ${quoteInput(written)}: ${usage} ${listFlags(specs)}` };
    const inline = equals < 0 ? undefined : token.text.slice(equals + 1);
    if (spec.example === undefined) {
      if (inline !== undefined) return { ok: false, message: `--${name} takes no value` };
      switches.add(name);
      continue;
    }
    const value = inline ?? readValue(remaining);
    if (value === undefined || value === "")
      return { ok: false, message: `--${name} needs a value, e.g. --${name} ${spec.example}` };
    if (values.has(name)) return { ok: false, message: `--${name} is given twice` };
    values.set(name, value);
  }
  return { ok: true, positionals, switches, values };
}

function readValue(remaining: Iterator<Token>): string | undefined {
  const next = remaining.next();
  if (next.done === true || isFlag(next.value) || isPipe(next.value)) return undefined;
  return next.value.text;
}

function listFlags(specs: FlagSpecs): string {
  const names = Object.keys(specs).map((name) => `--${name}`);
  const last = names.pop();
  if (last === undefined) return "takes no flags";
  if (names.length === 0) return `accepts only ${last}`;
  return `accepts only ${names.join(", ")} and ${last}`;
}
