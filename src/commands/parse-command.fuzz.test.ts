import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { parseDuration } from "../config/parse-duration.js";
import { COMMAND_NAMES, type ParsedCommand } from "./command.js";
import { parseCommand } from "./parse-command.js";

// `/noop` reads as a dry-run `deploy`.
const KINDS: readonly string[] = ["none", "unknown", "invalid", ...COMMAND_NAMES.filter((name) => name !== "noop")];
const PREFIXES = ["/", ".", "!", "deliverybot ", "@Deliverybot "];

/** Any UTF-16 string, lone surrogates included. */
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });

/** Pieces that steer bodies into every grammar and its corners. */
const fragment = fc.oneof(
  fc.constantFrom("--force", "--global", "--reason", "--reason=", "--for", "--for=2h", "-f", "--", "|", "=", '"', '\\"', "\\"),
  fc.constantFrom("production", "main", "2h", "1h30m", "0m", "a=b", 'k="v w"', "__proto__=x", "constructor", "\n", "\r", "\t"),
  anyString,
);
const commandLike = fc
  .tuple(fc.constantFrom(...PREFIXES, ""), fc.constantFrom(...COMMAND_NAMES, "deplyo", "Deploy", ""), fc.array(fragment))
  .map(([prefix, word, rest]) => `${prefix}${word} ${rest.join(" ")}`);

/** The first line as the brief defines it (split on \r?\n), trimmed. */
function firstLine(body: string): string {
  return (body.split(/\r?\n/, 1)[0] ?? "").trim();
}

/** `"…"` with `\` and `"` escaped: how a user quotes a value. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

describe("parseCommand (properties)", () => {
  it("never throws and returns a known kind with bounded messages, whatever the body and prefix", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, commandLike), fc.constantFrom(...PREFIXES, "", " "), (body, prefix) => {
        const result = parseCommand(body, prefix);

        expect(KINDS).toContain(result.kind);
        if (result.kind === "invalid") expect(Array.from(result.message).length).toBeLessThan(300);
        if (result.kind === "unknown") expect(result.word.length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers none when the first line does not start with the prefix", () => {
    const command = fc.constantFrom("deploy", "lock --global", "help", "status");
    const body = fc.oneof(
      anyString,
      fc.tuple(anyString, fc.constantFrom(...PREFIXES), command).map(([first, prefix, rest]) => `${first}\n${prefix}${rest}`),
      fc.tuple(fc.string({ minLength: 1 }), fc.constantFrom(...PREFIXES), command).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(body, fc.constantFrom(...PREFIXES), (text, prefix) => {
        fc.pre(!firstLine(text).toLowerCase().startsWith(prefix.trimEnd().toLowerCase()));

        const result = parseCommand(text, prefix);

        expect(result).toEqual({ kind: "none" });
      }),
      { numRuns: 1000 },
    );
  });

  it("reads back the /deploy and /noop commands it is given", () => {
    const target = fc.stringMatching(/^[A-Za-z0-9_.-]+$/);
    const ref = fc.stringMatching(/^[A-Za-z0-9._/][A-Za-z0-9._/-]*$/);
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    const tricky = fc.constantFrom("\\", '"', " ", "\t", "|", "=", "-", "\u00a0", "\u2028", "😀");
    const character = fc.oneof(tricky, fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    // Values live on the first line, so they cannot hold a line break.
    const value = fc.string({ unit: character }).filter((text) => !/[\r\n]/.test(text));
    const space = fc.constantFrom(" ", "  ", "\t");
    const input = fc.record({
      prefix: fc.constantFrom(...PREFIXES),
      word: fc.constantFrom("deploy", "noop", "DEPLOY", "NoOp"),
      positionals: fc.oneof(fc.constant([]), fc.tuple(target), fc.tuple(target, ref)),
      force: fc.boolean(),
      forceAt: fc.nat(2),
      params: fc.uniqueArray(fc.tuple(key, value, fc.boolean()), { selector: ([name]) => name, maxLength: 5 }),
      space,
    });
    fc.assert(
      fc.property(input, ({ prefix, word, positionals, force, forceAt, params, space: gap }) => {
        const args: string[] = positionals.map((text) => (text.startsWith("-") ? quote(text) : text));
        if (force) args.splice(Math.min(forceAt, args.length), 0, "--force");
        const pairs = params.map(([name, text, bare]) => `${name}=${bare && !/[\s"|]/.test(text) ? text : quote(text)}`);
        const body = [`${prefix}${word}`, ...args, ...(pairs.length > 0 ? ["|", ...pairs] : [])].join(gap);

        const result = parseCommand(`${body}\nmore text`, prefix);

        const expected: ParsedCommand = {
          kind: "deploy",
          dryRun: word.toLowerCase() === "noop",
          target: positionals[0],
          ref: positionals[1],
          force,
          params: Object.fromEntries(params.map(([name, text]) => [name, text])),
        };
        expect(result).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("parseDuration (properties)", () => {
  it("counts hours and minutes written as NhNm", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (hours, minutes) => {
        const result = parseDuration(`${hours}h${minutes}m`);

        expect(result).toBe(hours * 3_600_000 + minutes * 60_000);
      }),
    );
  });

  it("counts any combination of days, hours, minutes and seconds, in either case", () => {
    const part = fc.option(fc.nat(1_000_000), { nil: undefined });
    fc.assert(
      fc.property(fc.tuple(part, part, part, part), fc.boolean(), ([d, h, m, s], upper) => {
        fc.pre([d, h, m, s].some((amount) => amount !== undefined));
        const written = [d === undefined ? "" : `${d}d`, h === undefined ? "" : `${h}h`, m === undefined ? "" : `${m}m`];
        const text = written.join("") + (s === undefined ? "" : `${s}s`);

        const result = parseDuration(upper ? text.toUpperCase() : text);

        expect(result).toBe((d ?? 0) * 86_400_000 + (h ?? 0) * 3_600_000 + (m ?? 0) * 60_000 + (s ?? 0) * 1_000);
      }),
    );
  });

  it("never throws, and gives undefined or a whole number of milliseconds", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.stringMatching(/^\d{0,20}[dhms]?\d{0,20}[dhms]?$/)), (text) => {
        const result = parseDuration(text);

        expect(result === undefined || (Number.isSafeInteger(result) && result >= 0)).toBe(true);
      }),
    );
  });
});
