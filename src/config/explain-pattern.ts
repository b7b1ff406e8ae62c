import { formatKeyPath } from "./format-key-path.js";
import type { KeyPath, PathProblem } from "./path-problem.js";
import { COMMAND_PREFIX_PATTERN, DURATION_PATTERN, GITHUB_ACTOR_PATTERN, HOOK_NAME_PATTERN } from "./schema.js";
import type { SchemaNode } from "./schema-node.js";

/** What each pattern of the schema accepts, in words; a pattern not listed is quoted as is. */
const EXPECTED: { readonly [pattern: string]: string } = {
  [GITHUB_ACTOR_PATTERN]: "a GitHub login such as `octocat`, or a team as `org/team-slug` such as `my-org/release-managers`",
  [HOOK_NAME_PATTERN]:
    "a name of lower-case letters, digits and `-` (at most 40, starting with a letter or digit) such as `dockerhub` or `ops-slack`",
  [COMMAND_PREFIX_PATTERN]: "1 to 20 characters without spaces, except one space at the end, such as `/` or `deliverybot `",
  [DURATION_PATTERN]:
    "a duration longer than zero in whole days, hours, minutes and seconds, largest first, such as `90s`, `10m`, `1h30m` or `1d`",
};

/**
 * The message for a string that does not match its pattern: what is expected in words, the value
 * found (quoted, so spaces show), and the fix when it is a known mistake such as `@octocat`.
 */
export function explainPattern(path: KeyPath, node: SchemaNode, value: unknown): PathProblem {
  const pattern = node.pattern ?? "";
  const expected = EXPECTED[pattern] ?? `a string matching \`${pattern}\``;
  const text = String(value);
  const hint = pattern === GITHUB_ACTOR_PATTERN ? actorHint(text) : undefined;
  const found = `found ${JSON.stringify(text)}${pattern === COMMAND_PREFIX_PATTERN ? prefixDetail(text) : ""}`;
  return { path, message: `\`${formatKeyPath(path)}\` must be ${expected}; ${found}.${hint === undefined ? "" : ` ${hint}`}` };
}

function actorHint(text: string): string | undefined {
  const trimmed = text.trim();
  const fixed = trimmed.replace(/^@/, "");
  if (fixed !== text && new RegExp(GITHUB_ACTOR_PATTERN).test(fixed)) {
    return `Write \`${fixed}\`, without ${fixed === trimmed ? "the spaces" : "the `@`"}.`;
  }
  if (text.split("/").length > 2) return "A team is the organisation and the team's slug only, e.g. `my-org/release-managers`.";
  return undefined;
}

function prefixDetail(text: string): string {
  if (text.length > 20) return ` (${text.length} characters)`;
  if (/ {2,}$/.test(text)) return " (more than one space at the end)";
  return "";
}
