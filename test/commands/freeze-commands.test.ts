import { describe, expect, it } from "@jest/globals";
import { frozenConfig } from "../helpers/freeze-config.js";
import { comment, deploymentRequests, HEAD_SHA, onlyReply, refusedFor, useCommandTests } from "./command-events.js";

describe("/deploy during a freeze", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;

  it("is refused for a writer with frozen and the freeze's end; a repository admin's --force deploys", async () => {
    const { h, gh } = await commandTests.begin();
    gh.config(frozenConfig(h.parts.now()), 2);
    gh.reaction(7001);
    gh.permission("bob", "write");
    gh.pullRequest();
    gh.reply(9001);

    await comment(h, { id: 7001, body: "/deploy production", login: "bob" });

    const refused = onlyReply(github);
    expect(refused).toContain(refusedFor("frozen"));
    // Markdown-escaped, as every reply is.
    expect(refused).toContain("\\(Release freeze\\). A repository admin may deploy anyway with <code>\\--force</code>.");
    expect(deploymentRequests(github)).toEqual([]);

    gh.reaction(7002);
    gh.permission("carol", "admin");
    gh.pullRequest();
    gh.deployment(612, (body) => expect(body).toMatchObject({ ref: HEAD_SHA, environment: "production" }));
    gh.reply(9002);

    await comment(h, { id: 7002, body: "/deploy production --force", login: "carol" });

    github.done();
    expect(deploymentRequests(github)).toHaveLength(1);
  });

  it("lists the frozen targets and until when in /status", async () => {
    const { h, gh } = await commandTests.begin();
    gh.config(frozenConfig(h.parts.now()));
    gh.reaction(7003);
    gh.reply(9003);

    await comment(h, { id: 7003, body: "/status" });

    github.done();
    const lines = onlyReply(github).split("\n");
    expect(lines.slice(2, 6)).toEqual(["| production | production | none | — |", "", "Frozen:", ""]);
    expect(lines[6]).toMatch(/^- production\\: production is frozen until .* UTC \\\(Release freeze\\\)\.$/);
  });
});
