import { quoteInput } from "./quote-input.js";
import type { Token } from "./tokenize-arguments.js";

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const EXPECTED = 'write | key=value, or | key="a value with spaces"';

/** The parameters after `|`, or why they cannot be read. */
export type ParseParamsResult =
  { readonly ok: true; readonly params: Readonly<Record<string, string>> } | { readonly ok: false; readonly message: string };

/**
 * Reads the `key=value` tokens after a `/deploy … |` (quotes already removed by the tokenizer, so
 * `key="a b"` arrives as `key=a b`). The value is everything after the first `=` and may be empty;
 * a key may appear once.
 */
export function parseParams(tokens: readonly Token[]): ParseParamsResult {
  if (tokens.length === 0) return { ok: false, message: `parameters are missing after |: ${EXPECTED}` };
  const params = new Map<string, string>();
  for (const token of tokens) {
    const equals = token.text.indexOf("=");
    const key = token.text.slice(0, Math.max(equals, 0));
    if (!KEY.test(key)) return { ok: false, message: `${quoteInput(token.text)} is not a parameter: ${EXPECTED}` };
    if (params.has(key)) return { ok: false, message: `parameter ${quoteInput(key)} is given twice` };
    params.set(key, token.text.slice(equals + 1));
  }
  // fromEntries defines own properties, so a key such as `__proto__` is stored, not a prototype.
  return { ok: true, params: Object.fromEntries(params) };
}
