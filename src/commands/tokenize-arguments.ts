/** One argument of a command line, with its quotes removed. */
export interface Token {
  readonly text: string;
  /** Whether it began with a double quote: then it is a value, never a flag or the `|` separator. */
  readonly quoted: boolean;
}

/** The arguments of a command, or why they cannot be read. */
export type TokenizeResult =
  { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly message: string };

/**
 * Splits what follows a command word into tokens, shell-style but simpler: whitespace separates
 * tokens; double quotes group text with spaces and may start anywhere in a token
 * (`key="a value"`); inside them `\"` and `\\` are a quote and a backslash, any other backslash
 * stays as it is. An unquoted `|` is always a token of its own. An unclosed quote is an error.
 */
export function tokenizeArguments(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let current: string | undefined; // undefined between tokens, so `""` is an empty token
  let quoted = false;
  let inQuotes = false;
  let escaping = false;
  const append = (chars: string): void => {
    current = (current ?? "") + chars;
  };
  const finish = (): void => {
    if (current !== undefined) tokens.push({ text: current, quoted });
    current = undefined;
    quoted = false;
  };
  for (const char of text) {
    if (escaping) {
      append(char === '"' || char === "\\" ? char : `\\${char}`);
      escaping = false;
    } else if (inQuotes) {
      if (char === "\\") escaping = true;
      else if (char === '"') inQuotes = false;
      else append(char);
    } else if (char === '"') {
      quoted ||= current === undefined;
      inQuotes = true;
      append("");
    } else if (/\s/.test(char)) {
      finish();
    } else if (char === "|") {
      finish();
      tokens.push({ text: "|", quoted: false });
    } else {
      append(char);
    }
  }
  if (inQuotes) return { ok: false, message: 'a double quote is not closed: end the quoted text with "' };
  finish();
  return { ok: true, tokens };
}

/** Whether `token` is the `|` that starts the parameters of `/deploy`. */
export function isPipe(token: Token): boolean {
  return !token.quoted && token.text === "|";
}

/** Whether `token` is written as a flag (`--force`, `-f`); quote it to pass a value starting with `-`. */
export function isFlag(token: Token): boolean {
  return !token.quoted && token.text.startsWith("-");
}
