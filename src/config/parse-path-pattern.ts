/** A piece of a path pattern that stands for one character (or one bracket expression) of a name. */
export type PatternChar =
  /** A literal character (escaped or not); never `/`. */
  | { readonly kind: "text"; readonly char: string }
  /** `[a-z0-9]`: one letter or digit listed or in a range. */
  | { readonly kind: "class"; readonly body: string };

/** One piece of a path pattern, in GitHub Actions' filter syntax. */
export type PatternAtom =
  | PatternChar
  /** `*`: any run of characters except `/`. */
  | { readonly kind: "star" }
  /** `**`: any run of characters, `/` included. */
  | { readonly kind: "globstar" }
  /** `/`, between names. */
  | { readonly kind: "separator" }
  /** `x?` (zero or one `x`) and `x+` (one or more). */
  | { readonly kind: "optional" | "repeated"; readonly of: PatternChar };

/** A pattern read into atoms, or why it cannot be read (a sentence fragment that says how to fix it). */
export type ParsedPathPattern =
  | { readonly ok: true; readonly negated: boolean; readonly atoms: readonly PatternAtom[] }
  | { readonly ok: false; readonly reason: string };

const CLASS_CHAR = /^[A-Za-z0-9]$/;

/**
 * Reads a `paths` / `paths_ignore` pattern with GitHub Actions' filter-pattern syntax: `*` (not
 * across `/`), `**` (across `/`), `x?` and `x+` (zero-or-one and one-or-more of the character
 * before), `[a-z0-9]` (letters, digits and ranges), `\` escapes, and a leading `!` that excludes.
 * Rejects what GitHub rejects (empty brackets, a missing `]`, other characters in brackets, a
 * trailing `\`) and what can never match a repository path (a leading `/` or `./`, a trailing `/`).
 */
export function parsePathPattern(pattern: string): ParsedPathPattern {
  const negated = pattern.startsWith("!");
  const body = negated ? pattern.slice(1) : pattern;
  const shape = checkShape(body, negated);
  if (shape !== undefined) return { ok: false, reason: shape };

  const atoms: PatternAtom[] = [];
  let at = 0;
  while (at < body.length) {
    const char = body.charAt(at);
    if (char === "*") {
      const stars = /^\*+/.exec(body.slice(at))?.[0].length ?? 1;
      atoms.push({ kind: stars === 1 ? "star" : "globstar" });
      at += stars;
    } else if (char === "?" || char === "+") {
      const quantified = quantify(atoms.pop(), char);
      if (typeof quantified === "string") return { ok: false, reason: quantified };
      atoms.push(quantified);
      at += 1;
    } else if (char === "[") {
      const bracket = readClass(body, at);
      if ("reason" in bracket) return { ok: false, reason: bracket.reason };
      atoms.push({ kind: "class", body: bracket.body });
      at = bracket.end;
    } else if (char === "\\") {
      const escaped = body.charAt(at + 1);
      if (escaped === "") return { ok: false, reason: "ends with `\\`, which escapes nothing; write `\\\\` for a backslash" };
      if (escaped === "/") return { ok: false, reason: "escapes `/` (`\\/`); write `/` on its own between names" };
      atoms.push({ kind: "text", char: escaped });
      at += 2;
    } else {
      atoms.push(char === "/" ? { kind: "separator" } : { kind: "text", char });
      at += 1;
    }
  }
  return { ok: true, negated, atoms };
}

/** What makes a pattern unusable as a whole, before its characters are read. */
function checkShape(body: string, negated: boolean): string | undefined {
  if (body === "") return negated ? "excludes nothing; write what to exclude after `!`, e.g. `!docs/**`" : "is empty";
  const bare = body.replace(/^(\.?\/)+/, "");
  if (body.startsWith("/") || body.startsWith("./")) {
    return `starts with \`${body.slice(0, body.length - bare.length)}\`, but paths are relative to the repository's root; write \`${bare || "**"}\``;
  }
  if (body.endsWith("/")) return `ends with \`/\` and so matches no file; write \`${body}**\` for every file under it`;
  if (body.includes("//")) return "has an empty name between two `/`; write one `/`";
  return undefined;
}

/** `x?` or `x+`: the character or bracket expression before the quantifier, or why there is none. */
function quantify(before: PatternAtom | undefined, quantifier: string): PatternAtom | string {
  if (before?.kind === "text" || before?.kind === "class") {
    return { kind: quantifier === "?" ? "optional" : "repeated", of: before };
  }
  const meaning =
    quantifier === "?"
      ? "zero or one of the character before it, as in `*.jsx?`"
      : "one or more of the character before it, as in `v[0-9]+`";
  return `has \`${quantifier}\` with no letter, digit or \`[…]\` before it (it matches ${meaning}); escape it as \`\\${quantifier}\` to match a literal \`${quantifier}\``;
}

/** `[…]` from `start`: its body and where it ends, or why it is not one GitHub accepts. */
function readClass(
  pattern: string,
  start: number,
): { readonly body: string; readonly end: number } | { readonly reason: string } {
  const close = pattern.indexOf("]", start + 1);
  if (close === -1) return { reason: "has `[` without a closing `]`; escape it as `\\[` to match a literal `[`" };
  const body = pattern.slice(start + 1, close);
  const written = `\`[${body}]\``;
  if (body === "") return { reason: "has empty brackets `[]`; list letters or digits between them, or escape them as `\\[\\]`" };
  for (let at = 0; at < body.length; at += 1) {
    const char = body.charAt(at);
    if (char === "-" && at > 0 && at < body.length - 1) {
      const from = body.charAt(at - 1);
      const to = body.charAt(at + 1);
      if (!sameRange(from, to))
        return { reason: `has the range \`${from}-${to}\` in ${written}; a range goes up within a-z, A-Z or 0-9` };
    } else if (!CLASS_CHAR.test(char)) {
      return {
        reason: `has \`${char}\` in ${written}; brackets may list only letters, digits and ranges such as \`a-z\` or \`0-9\``,
      };
    }
  }
  return { body, end: close + 1 };
}

function sameRange(from: string, to: string): boolean {
  const within = (low: string, high: string) => from >= low && to <= high && from <= to;
  return within("a", "z") || within("A", "Z") || within("0", "9");
}
