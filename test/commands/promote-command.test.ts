import { describe, expect, it } from "@jest/globals";
import type { Harness } from "../helpers/app-harness.js";
import { comment, deploymentRequests, onlyReply, refusedFor, useCommandTests } from "./command-events.js";

const STAGED = "5ea6ed0000000000000000000000000000000001";

const CONFIG = `version: 2
targets:
  staging:
    environment: staging
    required_contexts: []
  production:
    required_contexts: []
`;

describe("/promote <from> <to>", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;

  /** GitHub's `deployment` and `deployment_status` webhooks for a deployment to staging (another tool's: no promotion starts). */
  const staged = async (h: Harness, id: number, state: "success" | "failure") => {
    const fields = { id, sha: STAGED, ref: "main", environment: "staging" };
    await h.receive("deployment", { edit: (p) => Object.assign(p.deployment, fields) });
    await h.receive("deployment_status", {
      edit: (p) => {
        Object.assign(p.deployment, fields);
        Object.assign(p.deployment_status, { id: id * 10, state, created_at: h.parts.now().toISOString() });
      },
    });
  };

  it("deploys to production the commit that succeeded in staging, as the command's author", async () => {
    const { h, gh } = await commandTests.begin();
    await staged(h, 801, "success");
    gh.config(CONFIG);
    gh.reaction(7001);
    gh.permission("alice", "write");
    gh.pullRequest();
    gh.deployment(802, (body) =>
      expect(body).toMatchObject({
        ref: STAGED,
        environment: "production",
        payload: expect.objectContaining({ actor: "alice", trigger: "command" }),
      }),
    );
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/promote staging production", login: "alice" });

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
    expect(onlyReply(github)).toContain("to production\\: deployment 802, by @\u200balice.");
  });

  it("refuses when staging's newest deployment failed (upstream_failed): nothing is created", async () => {
    const { h, gh } = await commandTests.begin();
    await staged(h, 811, "failure");
    gh.config(CONFIG);
    gh.reaction(7002);
    gh.reply(9002);

    await comment(h, { id: 7002, body: "/promote staging production", login: "alice" });

    github.done();
    const reply = onlyReply(github);
    expect(reply).toContain(refusedFor("upstream_failed"));
    expect(reply).toContain("the newest deployment to staging, is failed; nothing to promote.");
    expect(deploymentRequests(github)).toEqual([]);
  });
});
