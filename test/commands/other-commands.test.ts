import { describe, expect, it } from "@jest/globals";
import { apiCalls, defaultBranchConfig, notFound, ORG_CONFIG, ORG_CONFIG_PATH, status } from "../config/config-events.js";
import type { Harness } from "../helpers/app-harness.js";
import {
  comment,
  deploymentRequests,
  HEAD_SHA,
  onlyReply,
  refusedFor,
  useCommandTests,
  type CommandGitHub,
} from "./command-events.js";

const CONFIG = `version: 2
targets:
  production:
    auto_deploy_on: refs/heads/main
    required_contexts: [ci/test]
  review:
    auto_deploy_on: pr
    environment: pr-\${{ pr }}
    required_contexts: [ci/test]
default_target: review
`;

describe("/help, unknown and invalid commands, and comments that are not commands", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;
  let h: Harness;
  let gh: CommandGitHub;

  const begin = async () => void ({ h, gh } = await commandTests.begin());

  it("answers /help with every command and the repository's targets, for 3 calls", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/help" });

    github.done();
    expect(github.rateLimitedCount()).toBe(3);
    const reply = onlyReply(github);
    for (const usage of [
      "`/deploy [target] [ref] [--force] [| key=value …]`",
      "`/noop [target] [ref] [--force] [| key=value …]`",
      "`/rollback <target>`",
      '`/lock <target or --global> [--reason "…"] [--for 2h]`',
      "`/unlock <target or --global>`",
      "`/locks`",
      "`/status`",
      "`/why [target]`",
      "`/help`",
    ])
      expect(reply).toContain(usage);
    expect(reply).toContain("`/deploy review main --force`");
    expect(reply).toContain("Targets: production, review (default). Without a target, `/deploy` deploys to review.");
  });

  it("suggests /deploy for /deplyo, for 3 calls", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deplyo production" });

    github.done();
    expect(github.rateLimitedCount()).toBe(3);
    expect(onlyReply(github)).toBe(
      "Unknown command <code>/deplyo</code>. Did you mean <code>/deploy</code>? <code>/help</code> lists them all.",
    );
  });

  it("answers a command with arguments that do not parse with its usage", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/lock" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("invalid_command"));
    expect(reply).toContain("/lock expects a target or --global\\: /lock production or /lock --global");
    expect(reply).toContain("<code>/help</code> shows every command.");
  });

  // Whether a comment is a command depends on the repository's command_prefix, so the config is
  // read first; the read is conditional, so once cached it costs no rate limit.
  it("neither reacts nor replies to comments that are not commands: only the (conditional) config read", async () => {
    await begin();
    github.expect("GET", defaultBranchConfig(h), { status: 200, body: CONFIG, headers: { etag: '"c1"' } });
    github.expect("GET", defaultBranchConfig(h), { status: 304, ifNoneMatch: '"c1"', times: 2 });

    await comment(h, { id: 7001, body: "/shrug" });
    await comment(h, { id: 7002, body: "please /deploy" });
    await comment(h, { id: 7003, body: "Looks good!\n/deploy production" });

    github.done();
    expect(apiCalls(github.requests)).toEqual(Array(3).fill(`GET ${h.api}/contents/.github%2Fdeploy.yml`));
    expect(github.rateLimitedCount()).toBe(1);
  });

  it.each([
    { kind: "a comment by a bot", options: { userType: "Bot" as const } },
    { kind: "an edited comment", options: { action: "edited" as const } },
    { kind: "a comment on an issue that is not a pull request", options: { onPullRequest: false } },
  ])("makes no request at all for $kind", async ({ options }) => {
    h = await commandTests.start();

    await comment(h, { id: 7001, body: "/deploy production", ...options });

    github.done();
    expect(github.requests).toEqual([]);
  });

  it("stays silent in a repository without .github/deploy.yml: only the config reads", async () => {
    await begin();
    github.expect("GET", defaultBranchConfig(h), notFound);
    github.expect("GET", ORG_CONFIG, notFound);

    await comment(h, { id: 7001, body: "/deploy production" });

    github.done();
    expect(apiCalls(github.requests)).toEqual([`GET ${h.api}/contents/.github%2Fdeploy.yml`, `GET ${ORG_CONFIG_PATH}`]);
  });

  it("reads commands with the configured command_prefix, and ignores the default one", async () => {
    await begin();
    gh.config(`${CONFIG}command_prefix: "."\n`, 2);
    gh.reaction(7002);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.deployment(804, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, environment: "production" }));
    gh.reply(9002);
    await status(h, { sha: HEAD_SHA, context: "ci/test", state: "success", id: 31 });

    await comment(h, { id: 7001, body: "/deploy production" });
    await comment(h, { id: 7002, body: ".deploy production" });

    github.done();
    expect(onlyReply(github)).toContain("deployment 804");
  });

  it("explains config_invalid when the default branch's configuration is invalid", async () => {
    await begin();
    gh.config("version: 2\ntargets:\n  production:\n    enviroment: production\n");
    gh.reaction(7001);
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy production" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("config_invalid"));
    expect(reply).toContain(".github/deploy.yml on the default branch is invalid, so no command runs until it is fixed");
    expect(reply).toContain("enviroment");
    expect(deploymentRequests(github)).toEqual([]);
  });
});
