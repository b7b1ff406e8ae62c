import { parseArgs } from "node:util";
import { CONFIG_PATH } from "../config/config-path.js";

/** The output formats of `deliverybot validate`. */
export const VALIDATE_FORMATS = ["text", "json"] as const;

/** `deliverybot validate`'s arguments, or what is wrong with them. */
export type ValidateArgs =
  { readonly path: string; readonly format: (typeof VALIDATE_FORMATS)[number] } | { readonly error: string };

/** Reads `[path] [--format text|json]`; `--` ends the options, for a path starting with `-`. */
export function parseValidateArgs(args: readonly string[]): ValidateArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return { error: describeParseError(error) };
  }
  const [path = CONFIG_PATH, ...extra] = parsed.positionals;
  if (extra.length > 0) return { error: `expected one path, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}` };
  const format = VALIDATE_FORMATS.find((name) => name === parsed.values.format);
  if (format === undefined) return { error: `--format must be text or json, not "${parsed.values.format}"` };
  return { path, format };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: { format: { type: "string", default: "text" } },
    allowPositionals: true,
    strict: true,
  });
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${/'([^']*)'/.exec(message)?.[1] ?? ""}`.trim();
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return "--format needs a value: text or json";
  return message;
}
