import { describe, expect, it } from "@jest/globals";
import type { Harness } from "../helpers/app-harness.js";
import {
  comment,
  commentEvent,
  deploymentRequests,
  HEAD_SHA,
  onlyReply,
  PR,
  refusedFor,
  replies,
  useCommandTests,
  type CommandGitHub,
} from "./command-events.js";

const CONFIG = `version: 2
targets:
  staging:
    environment: staging
    required_contexts: []
`;

/** The part of a reply after its "**Refused** (`reason`): " header, which is Deliverybot's own Markdown. */
const afterHeader = (reply: string) => reply.slice(reply.indexOf("): ") + 3);

describe("command replies: one per comment, and everything quoted escaped", () => {
  const commandTests = useCommandTests();
  const { github } = commandTests;
  let h: Harness;
  let gh: CommandGitHub;

  const begin = async () => void ({ h, gh } = await commandTests.begin());

  describe("one reply per command comment", () => {
    it("edits its earlier reply when the same comment is processed again, and does not deploy twice", async () => {
      await begin();
      gh.config(CONFIG, 2);
      gh.reaction(7001);
      gh.reaction(7001, 200);
      gh.permission("alice", "write");
      gh.pullRequest();
      gh.pullRequest();
      gh.deployment(631);
      gh.reply(9001);
      gh.editReply(9001);
      await comment(h, { id: 7001, body: "/deploy staging" });

      // The same comment in another delivery (a new X-GitHub-Delivery id).
      await comment(h, { id: 7001, body: "/deploy staging" });

      github.done();
      expect(deploymentRequests(github)).toHaveLength(1);
      const [posted, edited] = replies(github);
      expect(posted).toContain("deployment 631");
      expect(edited).toBe("This comment already deployed c0ffee0 to staging.");
      expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/issues/${PR}/comments`))).toHaveLength(1);
    });

    it("posts the reply when the queue retries a delivery whose reply failed, without deploying again", async () => {
      await begin();
      gh.config(CONFIG, 2);
      gh.reaction(7001);
      gh.reaction(7001, 200);
      gh.permission("alice", "write");
      gh.pullRequest();
      gh.pullRequest();
      gh.deployment(632);
      gh.reply(9001, { status: 500 });
      gh.reply(9002);
      const event = commentEvent(h, { id: 7001, body: "/deploy staging" });
      await h.deliver(event);
      const error = await h.deliveryError(event.id);

      await h.retryFailed();

      github.done();
      expect(deploymentRequests(github)).toHaveLength(1);
      const [failed, posted] = replies(github);
      expect(failed).toContain("deployment 632");
      expect(posted).toBe("This comment already deployed c0ffee0 to staging.");
      expect(await h.store.findCommandReply(h.repo.id, 7001)).toBe(9002);
      expect(error).toContain("500");
    });

    it("still runs the command and replies when the 👀 reaction fails", async () => {
      await begin();
      gh.config(CONFIG);
      github.expect("POST", `${h.api}/issues/comments/7001/reactions`, { status: 500, body: { message: "Server Error" } });
      gh.permission("alice", "write");
      gh.pullRequest();
      gh.deployment(633);
      gh.reply(9001);

      await comment(h, { id: 7001, body: "/deploy staging" });

      github.done();
      expect(onlyReply(github)).toContain("deployment 633");
    });
  });

  describe("escaping what the comment said", () => {
    /** A command refused before GitHub is asked anything else: the config read, 👀 and the reply. */
    const expectAnswerOnly = async () => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.reply(9001);
    };

    it("escapes HTML in a target name", async () => {
      await expectAnswerOnly();

      await comment(h, { id: 7001, body: '/deploy "<img src=x>"' });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain(refusedFor("invalid_command"));
      expect(reply).toContain('"&lt;img src=x&gt;" is not a target name');
      expect(reply).not.toContain("<img");
    });

    it("escapes emphasis in a parameter", async () => {
      await expectAnswerOnly();

      await comment(h, { id: 7001, body: "/deploy staging | **x**=1" });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain('"\\*\\*x\\*\\*=1" is not a parameter');
      expect(reply).not.toContain("**x**");
    });

    it("never lets a backtick from a target name out raw", async () => {
      await expectAnswerOnly();

      await comment(h, { id: 7001, body: '/deploy "a`b"' });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain(refusedFor("invalid_command"));
      expect(afterHeader(reply)).toContain("is not a target name\\:");
      expect(afterHeader(reply)).not.toContain("`");
    });

    it("escapes HTML, emphasis and backticks in a lock reason", async () => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.permission("alice", "write");
      gh.reply(9001);

      await comment(h, { id: 7001, body: '/lock staging --reason "<img src=x> **x** `rm -rf`"' });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain("\\(&lt;img src=x&gt; \\*\\*x\\*\\* <code>rm -rf</code>\\)");
      expect(reply).not.toContain("<img");
      expect(reply).not.toContain("**x**");
      expect(reply).not.toContain("`");
    });

    it("passes a parameter value to the deployment payload unchanged, and does not echo it", async () => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      gh.permission("alice", "write");
      gh.pullRequest();
      gh.deployment(634, (body) =>
        expect(body).toMatchObject({ ref: HEAD_SHA, payload: { params: { note: "<img src=x> **x**" } } }),
      );
      gh.reply(9001);

      await comment(h, { id: 7001, body: '/deploy staging | note="<img src=x> **x**"' });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain("deployment 634");
      expect(reply).not.toContain("<img");
    });

    // A mention quoted from the comment (an invalid target name, a lock reason) must not reach the
    // reply as a live `@mention` that notifies whoever the comment named.
    it.each([
      { command: '/deploy "@everyone"', permission: undefined },
      { command: '/lock staging --reason "ping @everyone"', permission: "write" as const },
    ])("does not turn @everyone quoted from `$command` into a mention", async ({ command, permission }) => {
      await begin();
      gh.config(CONFIG);
      gh.reaction(7001);
      if (permission !== undefined) gh.permission("alice", permission);
      gh.reply(9001);

      await comment(h, { id: 7001, body: command });

      github.done();
      const reply = onlyReply(github);
      expect(reply).toContain("everyone");
      expect(reply).not.toContain("@everyone");
    });
  });
});
