import { describe, expect, it } from "@jest/globals";
import { COMMAND_NAMES } from "./command.js";
import { renderHelp } from "./render-help.js";

describe("renderHelp", () => {
  it("lists every command with the prefix, and the targets with the default marked", () => {
    const help = renderHelp("/", ["production", "staging"], "staging");

    for (const name of COMMAND_NAMES) expect(help).toContain(`- \`/${name}`);
    expect(help).toContain("`/deploy staging main --force`");
    expect(help).toContain("Targets: production, staging (default). Without a target, `/deploy` deploys to staging.");
  });

  it("writes examples with a custom prefix", () => {
    const help = renderHelp("deliverybot ", ["web"], undefined);

    expect(help).toContain('`deliverybot lock web --reason "release freeze" --for 2h`');
    expect(help).toContain("`deliverybot unlock --global`");
    expect(help).not.toContain("`/");
    expect(help).toContain("Targets: web. Name one after `deliverybot deploy`: there is no `default_target`.");
  });

  it("escapes target names", () => {
    const help = renderHelp("/", ["<img src=x>", "a_b*c"], "a_b*c");

    expect(help).toContain("Targets: &lt;img src=x&gt;, a\\_b\\*c (default).");
    expect(help).not.toContain("<img");
  });

  it("keeps a prefix with backticks inside its code spans", () => {
    const help = renderHelp("`", [], undefined);

    expect(help).toContain("- `` `deploy [target] [ref] [--force] [| key=value …] ``:");
  });

  it("says so when the repository has no targets", () => {
    const help = renderHelp("/", [], undefined);

    expect(help).toContain("`/deploy production`");
    expect(help).toContain("This repository has no targets yet");
  });

  it("renders the whole help", () => {
    const help = renderHelp("/", ["production", "staging"], "production");

    expect(help).toMatchInlineSnapshot(`
     "#### Deliverybot commands

     Write a command on the first line of a pull request comment.

     - \`/deploy [target] [ref] [--force] [| key=value …]\`: Deploys this pull request's head, or \`ref\` (a branch, tag or SHA), to a target. \`--force\` deploys past the required checks and someone else's lock (admins only); \`key=value\` pairs after \`|\` are parameters of the deployment. Examples: \`/deploy\`, \`/deploy production\`, \`/deploy production main --force\`, \`/deploy production | version="1.2 beta"\`
     - \`/noop [target] [ref] [--force] [| key=value …]\`: Like deploy, as a dry run, with the same arguments. Example: \`/noop production\`
     - \`/rollback <target>\`: Deploys again what the target ran before its latest deployment. Example: \`/rollback production\`
     - \`/promote <from> <to> [--force]\`: Deploys to \`to\` the commit whose deployment to \`from\` is the newest and succeeded (no soak: you decide), through \`to\`'s checks, locks and freezes; \`--force\` goes past them (admins only). Example: \`/promote staging production\`
     - \`/approve [target]\`: Approves this pull request's commit (its head; once merged, its merge commit) for a target with \`approvals\`; deploys that waited for enough approvals go ahead. Example: \`/approve production\`
     - \`/reject [target] [reason]\`: Rejects the commit for the target: what waits to deploy it is dropped, with your reason. Example: \`/reject production not during the sale\`
     - \`/lock <target or --global> [--reason "…"] [--for 2h]\`: Holds a target, or with \`--global\` every target, for you until unlocked: only your own deploys and this pull request's auto-deploys go through; \`--for\` (30s, 15m, 2h, 1d, 1h30m) makes the lock expire. Examples: \`/lock production --reason "release freeze" --for 2h\`, \`/lock --global --for 1d\`
     - \`/unlock <target or --global>\`: Removes a lock (its owner, or an admin); auto-deploys that waited on it go ahead. Examples: \`/unlock production\`, \`/unlock --global\`
     - \`/locks\`: Lists the locks of this repository.
     - \`/status\`: Shows this pull request's deployments and what is waiting.
     - \`/why [target]\`: Explains the last decision for a target: why it deployed, waits or did not. Example: \`/why production\`
     - \`/help\`: Shows this help.

     Targets: production (default), staging. Without a target, \`/deploy\` deploys to production."
    `);
  });
});
