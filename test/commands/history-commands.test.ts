import { describe, expect, it } from "@jest/globals";
import { push } from "../config/config-events.js";
import type { Harness } from "../helpers/app-harness.js";
import {
  comment,
  deploymentRequests,
  onlyReply,
  PR,
  pullRequestEvent,
  refusedFor,
  replies,
  useCommandTests,
  type CommandGitHub,
} from "./command-events.js";

const OLD_SHA = "0123456789abcdef0123456789abcdef01234567";
const NEW_SHA = "fedcba9876543210fedcba9876543210fedcba98";

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

describe("/status, /why and /rollback: what was deployed, what waits and why", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;
  let h: Harness;
  let gh: CommandGitHub;

  const begin = async () => void ({ h, gh } = await commandTests.begin());
  /** A deployment to production, with one status, as the webhooks report it. */
  const deployed = async (id: number, sha: string, createdAt: string, state: "success" | "failure") => {
    const deployment = { id, sha, ref: "main", environment: "production", created_at: createdAt };
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, deployment) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, deployment);
        Object.assign(p.deployment_status, { id: id * 10, state, created_at: createdAt });
      },
    });
  };

  it("answers /status with each target's last deployment state and the deploys waiting, with why", async () => {
    await begin();
    gh.config(CONFIG, 2);
    gh.reaction(7001);
    gh.reply(9001);
    await deployed(811, OLD_SHA, "2026-11-23T09:00:00Z", "success");
    await push(h, { ref: "refs/heads/main", sha: NEW_SHA });

    await comment(h, { id: 7001, body: "/status" });

    github.done();
    expect(onlyReply(github).split("\n")).toEqual([
      "| target | environment | last deployment | waiting |",
      "| --- | --- | --- | --- |",
      "| production | production | 0123456 \\(success\\) | fedcba9\\: Waiting for ci/test on fedcba9 before deploying to production. |",
      "| review | pr-42 | none | — |",
    ]);
  });

  it("lists the deployments in flight with their state and age, and none that finished", async () => {
    await begin();
    gh.config(CONFIG, 1);
    gh.reaction(7001);
    gh.reply(9001);
    const minutesAgo = (minutes: number) => new Date(h.parts.now().getTime() - minutes * 60_000).toISOString();
    const running = { id: 831, sha: NEW_SHA, ref: "main", environment: "production", created_at: minutesAgo(12) };
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, running) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, running);
        Object.assign(p.deployment_status, { id: 8311, state: "in_progress", created_at: minutesAgo(10) });
      },
    });
    const waiting = { id: 832, sha: OLD_SHA, ref: "main", environment: "staging", created_at: minutesAgo(2) };
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, waiting) });
    await deployed(833, OLD_SHA, minutesAgo(30), "success");

    await comment(h, { id: 7001, body: "/status" });

    github.done();
    expect(onlyReply(github).split("\n").slice(4)).toEqual([
      "",
      "In flight:",
      "",
      "| deployment | commit | environment | state | age |",
      "| --- | --- | --- | --- | --- |",
      "| 832 | 0123456 | staging | created | 2m |",
      "| 831 | fedcba9 | production | started | 12m |",
    ]);
  });

  // Another pull request's deploy to its own environment (pr-43) must not show in this one's row.
  it("lists under a pull request's own environment only the deploys waiting for that environment", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.reply(9001);
    await pullRequestEvent(h, "opened");
    await pullRequestEvent(h, "opened", { number: 43, headSha: NEW_SHA, headRef: "other-feature" });

    await comment(h, { id: 7001, body: "/status" });

    github.done();
    const row = onlyReply(github)
      .split("\n")
      .find((line) => line.startsWith("| review |"));
    expect(row).toContain("| pr-42 |");
    expect(row).toContain("c0ffee0\\: Waiting for ci/test on c0ffee0 before deploying to pr-42.");
    expect(row).not.toContain("fedcba9");
  });

  it("answers /why with the latest decision about the pull request's head, per target", async () => {
    await begin();
    gh.config(CONFIG, 3);
    gh.reaction(7001);
    gh.reaction(7002);
    gh.pullRequest();
    gh.pullRequest();
    gh.reply(9001);
    gh.reply(9002);
    await pullRequestEvent(h, "synchronize");

    await comment(h, { id: 7001, body: "/why" });
    await comment(h, { id: 7002, body: "/why production" });

    github.done();
    const [why, whyProduction] = replies(github);
    expect(why).toBe(
      "Latest decisions about c0ffee0\\:\n\n- review\\: waiting\\_for\\_checks — Waiting for ci/test on c0ffee0 before deploying to pr-42.",
    );
    expect(whyProduction).toBe("Nothing was decided about c0ffee0 yet for production.");
  });

  it("rolls back to the older of two successful deployments with /rollback", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.deployment(823, (body) =>
      expect(body).toMatchObject({
        ref: OLD_SHA,
        environment: "production",
        required_contexts: ["ci/test"],
        payload: { target: "production", sha: OLD_SHA, trigger: "command", pr: PR, actor: "alice" },
      }),
    );
    gh.reply(9001);
    await deployed(821, OLD_SHA, "2026-11-23T09:00:00Z", "success");
    await deployed(822, NEW_SHA, "2026-11-23T09:30:00Z", "success");

    await comment(h, { id: 7001, body: "/rollback production" });

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(onlyReply(github)).toContain("Deployed 0123456 \\(main\\) to production\\: deployment 823, by @\u200balice.");
  });

  it("refuses /rollback when the environment had only one successful deployment, before asking GitHub who may", async () => {
    await begin();
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.reply(9001);
    await deployed(831, OLD_SHA, "2026-11-23T09:00:00Z", "success");
    await deployed(832, NEW_SHA, "2026-11-23T09:30:00Z", "failure");

    await comment(h, { id: 7001, body: "/rollback production" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("invalid_command"));
    expect(reply).toContain("production has no earlier successful deployment to roll back to.");
    expect(deploymentRequests(github)).toEqual([]);
  });
});
