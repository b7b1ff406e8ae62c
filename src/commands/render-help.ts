import { escapeMarkdown } from "../config/escape-markdown.js";
import { COMMAND_NAMES, type CommandName } from "./command.js";
import { formatCodeSpan } from "./format-code-span.js";

interface CommandHelp {
  readonly usage: string;
  readonly about: string;
  /** Argument lists after the command word, none when the usage says it all; `{target}` is one of the repository's targets. */
  readonly examples: readonly string[];
}

// Keyed by CommandName so that a new command without help does not compile.
const HELP: Readonly<Record<CommandName, CommandHelp>> = {
  deploy: {
    usage: "[target] [ref] [--force] [| key=value …]",
    about:
      "Deploys this pull request's head, or `ref` (a branch, tag or SHA), to a target. `--force` deploys past the required checks and someone else's lock (admins only); `key=value` pairs after `|` are parameters of the deployment.",
    examples: ["", "{target}", "{target} main --force", '{target} | version="1.2 beta"'],
  },
  noop: {
    usage: "[target] [ref] [--force] [| key=value …]",
    about: "Like deploy, as a dry run, with the same arguments.",
    examples: ["{target}"],
  },
  rollback: {
    usage: "<target>",
    about: "Deploys again what the target ran before its latest deployment.",
    examples: ["{target}"],
  },
  promote: {
    usage: "<from> <to> [--force]",
    about:
      "Deploys to `to` the commit whose deployment to `from` is the newest and succeeded (no soak: you decide), through `to`'s checks, locks and freezes; `--force` goes past them (admins only).",
    examples: ["staging {target}"],
  },
  approve: {
    usage: "[target]",
    about:
      "Approves this pull request's commit (its head; once merged, its merge commit) for a target with `approvals`; deploys that waited for enough approvals go ahead.",
    examples: ["{target}"],
  },
  reject: {
    usage: "[target] [reason]",
    about: "Rejects the commit for the target: what waits to deploy it is dropped, with your reason.",
    examples: ["{target} not during the sale"],
  },
  lock: {
    usage: '<target or --global> [--reason "…"] [--for 2h]',
    about:
      "Holds a target, or with `--global` every target, for you until unlocked: only your own deploys and this pull request's auto-deploys go through; `--for` (30s, 15m, 2h, 1d, 1h30m) makes the lock expire.",
    examples: ['{target} --reason "release freeze" --for 2h', "--global --for 1d"],
  },
  unlock: {
    usage: "<target or --global>",
    about: "Removes a lock (its owner, or an admin); auto-deploys that waited on it go ahead.",
    examples: ["{target}", "--global"],
  },
  locks: { usage: "", about: "Lists the locks of this repository.", examples: [] },
  status: { usage: "", about: "Shows this pull request's deployments and what is waiting.", examples: [] },
  why: {
    usage: "[target]",
    about: "Explains the last decision for a target: why it deployed, waits or did not.",
    examples: ["{target}"],
  },
  help: { usage: "", about: "Shows this help.", examples: [] },
};

/**
 * The Markdown answer to `/help` (and to a command that did not parse): every command with a line
 * of explanation and examples written with the repository's `prefix`, then its targets.
 */
export function renderHelp(prefix: string, targets: readonly string[], defaultTarget: string | undefined): string {
  const exampleTarget = defaultTarget ?? targets[0] ?? "production";
  const lines = ["#### Deliverybot commands", "", "Write a command on the first line of a pull request comment.", ""];
  for (const name of COMMAND_NAMES) {
    const help = HELP[name];
    const examples = help.examples.map((args) => {
      const written = joinWords(
        prefix + name,
        args.replaceAll("{target}", () => exampleTarget),
      );
      return formatCodeSpan(written);
    });
    lines.push(`- ${formatCodeSpan(joinWords(prefix + name, help.usage))}: ${help.about}${formatExamples(examples)}`);
  }
  lines.push("", renderTargets(prefix, targets, defaultTarget));
  return lines.join("\n");
}

function renderTargets(prefix: string, targets: readonly string[], defaultTarget: string | undefined): string {
  if (targets.length === 0) return "This repository has no targets yet: add them to `.github/deploy.yml`.";
  const names = targets.map((target) => {
    const name = escapeMarkdown(target);
    return target === defaultTarget ? `${name} (default)` : name;
  });
  const deploy = formatCodeSpan(`${prefix}deploy`);
  if (defaultTarget === undefined)
    return `Targets: ${names.join(", ")}. Name one after ${deploy}: there is no \`default_target\`.`;
  return `Targets: ${names.join(", ")}. Without a target, ${deploy} deploys to ${escapeMarkdown(defaultTarget)}.`;
}

function formatExamples(examples: readonly string[]): string {
  if (examples.length === 0) return "";
  return ` ${examples.length > 1 ? "Examples" : "Example"}: ${examples.join(", ")}`;
}

function joinWords(command: string, args: string): string {
  return args === "" ? command : `${command} ${args}`;
}
