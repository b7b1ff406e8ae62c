import { describe, expect, it } from "@jest/globals";
import type { CommandName, ParsedCommand } from "./command.js";
import { parseCommand } from "./parse-command.js";

type DeployCommand = Extract<ParsedCommand, { kind: "deploy" }>;

const NONE: ParsedCommand = { kind: "none" };

function deploy(fields: Partial<DeployCommand> = {}): ParsedCommand {
  return { kind: "deploy", dryRun: false, target: undefined, ref: undefined, force: false, params: {}, ...fields };
}

function noop(fields: Partial<DeployCommand> = {}): ParsedCommand {
  return deploy({ dryRun: true, ...fields });
}

function lock(target: string | undefined, reason?: string, forMs?: number): ParsedCommand {
  const scope = target === undefined ? { global: true as const } : { global: false as const, target };
  return { kind: "lock", scope, reason, forMs };
}

function invalid(command: CommandName, fragment: string): unknown {
  return { kind: "invalid", command, message: expect.stringContaining(fragment) };
}

describe("parseCommand with the / prefix", () => {
  it.each<[string, unknown]>([
    // Not commands: answered with nothing.
    ["", NONE],
    ["   \n  ", NONE],
    ["LGTM, ship it", NONE],
    ["please /deploy this", NONE],
    ["deploy production", NONE],
    ["\n/deploy", NONE],
    ["> /deploy production", NONE],
    ["`/deploy`", NONE],
    ["/", NONE],
    ["/ deploy", NONE],
    ["/shrug", NONE],
    ["/usr/bin/env node", NONE],
    ["/de", NONE],
    ["/deploy-now", NONE],
    // Close to a command: a suggestion, also for a command word with more glued to it.
    ["/deplyo production", { kind: "unknown", word: "deplyo", suggestion: "deploy" }],
    ["/Deploi", { kind: "unknown", word: "Deploi", suggestion: "deploy" }],
    ["/deployx", { kind: "unknown", word: "deployx", suggestion: "deploy" }],
    ["/deploy.", { kind: "unknown", word: "deploy.", suggestion: "deploy" }],
    ["/rolback production", { kind: "unknown", word: "rolback", suggestion: "rollback" }],
    ["/lok production", { kind: "unknown", word: "lok", suggestion: "lock" }],
    ["/lockz", { kind: "unknown", word: "lockz", suggestion: "lock" }],
    ["/unlok", { kind: "unknown", word: "unlok", suggestion: "unlock" }],
    ["/stats", { kind: "unknown", word: "stats", suggestion: "status" }],
    ["/hlep", { kind: "unknown", word: "hlep", suggestion: "help" }],
    ["/noops", { kind: "unknown", word: "noops", suggestion: "noop" }],
    // /deploy and /noop.
    ["/deploy", deploy()],
    ["/DEPLOY", deploy()],
    ["/Deploy Production", deploy({ target: "Production" })],
    ["  /deploy production  ", deploy({ target: "production" })],
    ["/deploy\tproduction", deploy({ target: "production" })],
    ['/deploy "production"', deploy({ target: "production" })],
    ["/deploy production feature/x-1.2", deploy({ target: "production", ref: "feature/x-1.2" })],
    ["/deploy staging 3f2a9c1d", deploy({ target: "staging", ref: "3f2a9c1d" })],
    ["/deploy --force", deploy({ force: true })],
    ["/deploy --FORCE", deploy({ force: true })],
    ["/deploy --force production main", deploy({ target: "production", ref: "main", force: true })],
    ["/deploy production --force main", deploy({ target: "production", ref: "main", force: true })],
    ["/deploy production main --force --force", deploy({ target: "production", ref: "main", force: true })],
    ["/deploy production | version=1.2", deploy({ target: "production", params: { version: "1.2" } })],
    ["/deploy production|version=1.2", deploy({ target: "production", params: { version: "1.2" } })],
    ['/deploy | note="hello world" other=x', deploy({ params: { note: "hello world", other: "x" } })],
    [
      '/deploy | note="say \\"hi\\"" dir="C:\\\\tmp" raw="a\\b"',
      deploy({ params: { note: 'say "hi"', dir: "C:\\tmp", raw: "a\\b" } }),
    ],
    ['/deploy | empty= quoted=""', deploy({ params: { empty: "", quoted: "" } })],
    ["/deploy | url=https://x.example/?a=b", deploy({ params: { url: "https://x.example/?a=b" } })],
    ['/deploy | pipe="a|b" _x.y-z=1', deploy({ params: { pipe: "a|b", "_x.y-z": "1" } })],
    ["/deploy --force | Key=Value", deploy({ force: true, params: { Key: "Value" } })],
    ["/deploy production\n/lock --forse", deploy({ target: "production" })],
    ["/deploy production\r\n| ignored=1", deploy({ target: "production" })],
    ["/deploy production\r--forse", deploy({ target: "production" })],
    ["/noop", noop()],
    ["/NoOp staging --force", noop({ target: "staging", force: true })],
    ["/noop staging v1.2.0 | a=b", noop({ target: "staging", ref: "v1.2.0", params: { a: "b" } })],
    // /deploy and /noop refused.
    ["/deploy --forse", invalid("deploy", 'unknown flag "--forse": /deploy accepts only --force')],
    ["/deploy -f", invalid("deploy", 'unknown flag "-f"')],
    ["/deploy --force=yes", invalid("deploy", "--force takes no value")],
    ["/deploy production main extra", invalid("deploy", "/deploy takes at most a target and a ref")],
    ["/deploy prod! main", invalid("deploy", '"prod!" is not a target name')],
    ["/deploy prod/eu", invalid("deploy", '"prod/eu" is not a target name')],
    ['/deploy production "-main"', invalid("deploy", '"-main" is not a branch, tag or SHA')],
    ["/deploy production main;rm", invalid("deploy", '"main;rm" is not a branch, tag or SHA')],
    ["/deploy production |", invalid("deploy", "parameters are missing after |")],
    ["/deploy | novalue", invalid("deploy", '"novalue" is not a parameter: write | key=value')],
    ["/deploy | =x", invalid("deploy", '"=x" is not a parameter')],
    ["/deploy | 1a=x", invalid("deploy", '"1a=x" is not a parameter')],
    ['/deploy | "a b"=c', invalid("deploy", '"a b=c" is not a parameter')],
    ["/deploy | a=1 | b=2", invalid("deploy", '"|" is not a parameter')],
    ["/deploy | a=1 a=2", invalid("deploy", 'parameter "a" is given twice')],
    ['/deploy production | a="unterminated', invalid("deploy", "a double quote is not closed")],
    ["/noop --forse", invalid("noop", "/noop accepts only --force")],
    // /rollback.
    ["/rollback production", { kind: "rollback", target: "production" }],
    ["/rollback", invalid("rollback", "/rollback expects a target: /rollback production")],
    ["/rollback production staging", invalid("rollback", "/rollback takes one target")],
    // /promote.
    ["/promote staging production", { kind: "promote", from: "staging", to: "production", force: false }],
    ["/promote staging production --force", { kind: "promote", from: "staging", to: "production", force: true }],
    ["/promote staging", invalid("promote", "/promote expects two targets: /promote staging production")],
    ["/promote a b c", invalid("promote", "/promote expects two targets: /promote staging production")],
    ["/rollback --force production", invalid("rollback", 'unknown flag "--force": /rollback takes no flags')],
    ["/rollback prod/eu", invalid("rollback", "is not a target name")],
    // /lock and /unlock.
    ["/lock production", lock("production")],
    ['/lock production --reason "release freeze" --for 2h', lock("production", "release freeze", 7_200_000)],
    ["/lock --for 30s production --reason=freeze", lock("production", "freeze", 30_000)],
    ['/lock production --reason="two words"', lock("production", "two words")],
    ['/lock production --reason "--for"', lock("production", "--for")],
    ["/lock --global --for 1h30m", lock(undefined, undefined, 5_400_000)],
    ["/LOCK --GLOBAL --Reason outage", lock(undefined, "outage")],
    ["/lock", invalid("lock", "/lock expects a target or --global: /lock production or /lock --global")],
    ["/lock production --global", invalid("lock", "a target or --global, not both")],
    ["/lock production staging", invalid("lock", "/lock takes one target")],
    ["/lock production --for soon", invalid("lock", '--for expects a duration such as 30s, 15m, 2h, 1d or 1h30m, not "soon"')],
    ["/lock production --for 2h30", invalid("lock", "--for expects a duration")],
    ["/lock production --for 0m", invalid("lock", "--for expects a duration longer than zero")],
    ["/lock production --reason", invalid("lock", '--reason needs a value, e.g. --reason "deploy freeze"')],
    ["/lock production --reason --for 2h", invalid("lock", "--reason needs a value")],
    ['/lock production --reason ""', invalid("lock", "--reason needs a value")],
    ["/lock production --for", invalid("lock", "--for needs a value, e.g. --for 2h")],
    ["/lock production --reason a --reason b", invalid("lock", "--reason is given twice")],
    ["/lock production --force", invalid("lock", "/lock accepts only --global, --reason and --for")],
    ["/lock --global=yes", invalid("lock", "--global takes no value")],
    ["/lock prod:eu", invalid("lock", '"prod:eu" is not a target name')],
    ["/unlock production", { kind: "unlock", scope: { global: false, target: "production" } }],
    ["/unlock --global", { kind: "unlock", scope: { global: true } }],
    ["/unlock", invalid("unlock", "/unlock expects a target or --global")],
    ["/unlock production --global", invalid("unlock", "not both")],
    ["/unlock production --reason x", invalid("unlock", "/unlock accepts only --global")],
    // Commands without arguments, and /why.
    ["/locks", { kind: "locks" }],
    ["/status", { kind: "status" }],
    ["/help", { kind: "help" }],
    ["/HELP\nwhat does this do?", { kind: "help" }],
    ["/locks production", invalid("locks", "/locks takes no arguments")],
    ["/help me", invalid("help", "/help takes no arguments")],
    ['/status "', invalid("status", "a double quote is not closed")],
    ["/why", { kind: "why", target: undefined }],
    ["/why production", { kind: "why", target: "production" }],
    ["/why production staging", invalid("why", "/why takes one target: /why production")],
    ["/why --verbose", invalid("why", 'unknown flag "--verbose": /why takes no flags')],
  ])("%j", (body, expected) => {
    const result = parseCommand(body, "/");

    expect(result).toEqual(expected);
  });
});

describe("parseCommand with other prefixes", () => {
  it.each<[string, string, unknown]>([
    [".", ".deploy production", deploy({ target: "production" })],
    [".", "/deploy production", NONE],
    [".", ". deploy", NONE],
    [".", ".deployx", { kind: "unknown", word: "deployx", suggestion: "deploy" }],
    [".", ".rollback", invalid("rollback", ".rollback expects a target: .rollback production")],
    ["!", "!lock --global", lock(undefined)],
    ["!", "!deploy --forse", invalid("deploy", "!deploy accepts only --force")],
    ["!", "deploy", NONE],
    ["deliverybot ", "deliverybot deploy staging", deploy({ target: "staging" })],
    ["deliverybot ", "Deliverybot   DEPLOY", deploy()],
    ["deliverybot ", "deliverybotdeploy", NONE],
    ["deliverybot ", "deliverybot please deploy", NONE],
    ["deliverybot ", "deliverybot deplyo", { kind: "unknown", word: "deplyo", suggestion: "deploy" }],
    ["deliverybot ", "deliverybot rollback", invalid("rollback", "deliverybot rollback production")],
    ["deliverybot ", "/deploy", NONE],
  ])("prefix %j: %j", (prefix, body, expected) => {
    const result = parseCommand(body, prefix);

    expect(result).toEqual(expected);
  });
});

describe("parseCommand edge cases", () => {
  it("stores a __proto__ parameter as data, not as the prototype", () => {
    const result = parseCommand("/deploy | __proto__=x", "/");

    expect(result.kind).toBe("deploy");
    const params = result.kind === "deploy" ? result.params : {};
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(params, "__proto__")?.value).toBe("x");
  });

  it("cuts long user input in messages to 100 characters", () => {
    const long = `${"x".repeat(300)}!`;

    const result = parseCommand(`/deploy ${long}`, "/");

    expect(result).toEqual(invalid("deploy", `"${"x".repeat(100)}…" is not a target name`));
    const message = result.kind === "invalid" ? result.message : "";
    expect(message.length).toBeLessThan(200);
  });

  it("reads only the first line of a long comment", () => {
    const body = `/status\n${"/deploy --forse\n".repeat(10_000)}`;

    const result = parseCommand(body, "/");

    expect(result).toEqual({ kind: "status" });
  });
});
