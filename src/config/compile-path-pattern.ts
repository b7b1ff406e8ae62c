import { Minimatch, type MinimatchOptions } from "minimatch";
import { parsePathPattern, type PatternAtom, type PatternChar } from "./parse-path-pattern.js";

/** A `paths` / `paths_ignore` pattern ready to test repository-relative file paths. */
export interface PathPattern {
  /** The pattern as written, `!` included. */
  readonly source: string;
  /** Written with a leading `!`: a file it matches is excluded again. */
  readonly negated: boolean;
  matches(file: string): boolean;
}

/** A compiled pattern, or why the pattern is not one (a sentence fragment that says how to fix it). */
export type CompiledPathPattern =
  { readonly ok: true; readonly pattern: PathPattern } | { readonly ok: false; readonly reason: string };

/**
 * A `**` inside a name (`**.js`, `docs/a**`) becomes two minimatch patterns, one per way it can
 * match; more than this many such `**` in one pattern are refused rather than multiplied further.
 */
export const MAX_INNER_GLOBSTARS = 3;

/**
 * minimatch with GitHub's meaning: dotfiles match like any file, `!` and `#` are handled here (or
 * are plain characters), no `{a,b}` expansion, `\` always escapes, and extglobs (`?(x)`, `+(x)`)
 * only where this file writes them for GitHub's `x?` and `x+`.
 */
const OPTIONS: MinimatchOptions = {
  dot: true,
  nonegate: true,
  nocomment: true,
  nobrace: true,
  platform: "linux",
  preserveMultipleSlashes: true,
};

/** Characters minimatch would read as syntax: escaped wherever the pattern meant them literally. */
const MINIMATCH_SYNTAX = /[*?[\]\\(){}!+@|#]/g;

/**
 * Compiles a pattern in GitHub Actions' filter syntax (see `parsePathPattern`) into minimatch
 * matchers. GitHub's `**` matches any run of characters, `/` included, wherever it stands;
 * minimatch's only as a whole name, so a `**` inside a name is tried both ways: as `*` within the
 * name, and as `*`, then any folders, then `*`.
 */
export function compilePathPattern(source: string): CompiledPathPattern {
  const parsed = parsePathPattern(source);
  if (!parsed.ok) return parsed;
  const names = splitNames(parsed.atoms);
  const inner = names
    .filter((name) => name.length > 1)
    .flat()
    .filter((atom) => atom.kind === "globstar").length;
  if (inner > MAX_INNER_GLOBSTARS) {
    return {
      ok: false,
      reason: `has more than ${MAX_INNER_GLOBSTARS} \`**\` inside names; use \`**\` as a whole name, e.g. \`docs/**/*.md\``,
    };
  }
  let matchers: Minimatch[];
  try {
    matchers = expandNames(names).map((glob) => new Minimatch(glob, OPTIONS));
  } catch (error) {
    return { ok: false, reason: `cannot be read as a glob (${error instanceof Error ? error.message : String(error)})` };
  }
  const pattern: PathPattern = {
    source,
    negated: parsed.negated,
    matches: (file) => matchers.some((matcher) => matcher.match(file)),
  };
  return { ok: true, pattern };
}

/** What a name between two `/` is made of. */
type NameAtom = Exclude<PatternAtom, { kind: "separator" }>;

/** The atoms between `/`s. */
function splitNames(atoms: readonly PatternAtom[]): NameAtom[][] {
  const names: NameAtom[][] = [[]];
  for (const atom of atoms) {
    if (atom.kind === "separator") names.push([]);
    else names[names.length - 1]?.push(atom);
  }
  return names;
}

/** Every minimatch pattern the names make together: one per combination of their alternatives. */
function expandNames(names: readonly (readonly NameAtom[])[]): string[] {
  let globs = [""];
  names.forEach((name, index) => {
    const separator = index === 0 ? "" : "/";
    const alternatives = renderName(name);
    globs = globs.flatMap((glob) => alternatives.map((alternative) => `${glob}${separator}${alternative}`));
  });
  return globs;
}

/** One name's minimatch alternatives: `**` alone stays minimatch's globstar; inside a name it forks. */
function renderName(name: readonly NameAtom[]): string[] {
  if (name.length === 1 && name[0]?.kind === "globstar") return ["**"];
  let rendered = [""];
  for (const atom of name) {
    const pieces = atom.kind === "globstar" ? ["*", "*/**/*"] : [renderAtom(atom)];
    rendered = rendered.flatMap((prefix) => pieces.map((piece) => prefix + piece));
  }
  return rendered;
}

function renderAtom(atom: Exclude<NameAtom, { kind: "globstar" }>): string {
  switch (atom.kind) {
    case "star":
      return "*";
    case "optional":
      return `?(${renderChar(atom.of)})`;
    case "repeated":
      return `+(${renderChar(atom.of)})`;
    default:
      return renderChar(atom);
  }
}

function renderChar(char: PatternChar): string {
  return char.kind === "class" ? `[${char.body}]` : char.char.replace(MINIMATCH_SYNTAX, "\\$&");
}
