import { describe, expect, it } from "@jest/globals";
import { NOTIFICATION_EVENTS, type NotificationFacts } from "../domain/notifications.js";
import { renderSlackMessage } from "./render-slack-message.js";
import { SUCCEEDED } from "./test-facts.js";

const BASE: NotificationFacts = { ...SUCCEEDED, status: null };
const STATUS = SUCCEEDED.status;
const FACTS: NotificationFacts = { ...BASE, status: STATUS };

const COMMIT = "https://github.com/acme/shop/commit/abc1234def5678abc1234def5678abc1234def56";

/** Every mrkdwn text of a message's blocks, with its `text` fallback. */
function texts(message: { text: string; blocks: unknown[] }): string[] {
  const found = [message.text];
  JSON.stringify(message.blocks, (key, value: unknown) => {
    if (key === "text" && typeof value === "string") found.push(value);
    return value;
  });
  return found;
}

describe("renderSlackMessage", () => {
  it("says what happened in one line, with fields, the description and links", () => {
    const message = renderSlackMessage(FACTS);

    expect(message).toEqual({
      text: "acme/shop: deployment of abc1234 to production succeeded",
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: `:white_check_mark: <https://github.com/acme/shop|acme/shop>: deployment of <${COMMIT}|abc1234> to *production* succeeded`,
          },
        },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: "*Repository*\n<https://github.com/acme/shop|acme/shop>" },
            { type: "mrkdwn", text: "*Environment*\nproduction" },
            { type: "mrkdwn", text: `*Commit*\n<${COMMIT}|abc1234> on main` },
            { type: "mrkdwn", text: "*Pull request*\n<https://github.com/acme/shop/pull/17|#17>" },
            { type: "mrkdwn", text: "*By*\noctocat via command" },
            { type: "mrkdwn", text: "*State*\nsuccess" },
          ],
        },
        { type: "section", text: { type: "mrkdwn", text: ">Deployed in 42 s" } },
        {
          type: "context",
          elements: [
            { type: "mrkdwn", text: "Deployment 1001" },
            { type: "mrkdwn", text: "<https://github.com/acme/shop/actions/runs/9|View the log>" },
            { type: "mrkdwn", text: "<https://shop.example.com|Open the environment>" },
          ],
        },
      ],
    });
  });

  it.each([
    ["created", ":package:", "was created"],
    ["started", ":rocket:", "started"],
    ["succeeded", ":white_check_mark:", "succeeded"],
    ["failed", ":x:", "failed"],
    ["inactive", ":zzz:", "is inactive"],
    ["deleted", ":wastebasket:", "was deleted"],
    ["stuck", ":warning:", "is stuck"],
  ] as const)("shows %s with %s", (event, emoji, phrase) => {
    const message = renderSlackMessage({ ...FACTS, event });

    expect(message.text).toBe(`acme/shop: deployment of abc1234 to production ${phrase}`);
    expect(texts(message)[1]).toMatch(new RegExp(`^${emoji} .* ${phrase}$`));
  });

  it("covers every notification event", () => {
    const rendered = NOTIFICATION_EVENTS.map((event) => renderSlackMessage({ ...FACTS, event }).text);

    expect(new Set(rendered).size).toBe(NOTIFICATION_EVENTS.length);
  });

  it("leaves out what is not known: no status, pull request, creator or trigger", () => {
    const deployment = { ...FACTS.deployment, pr: null, creator: null, trigger: null };

    const message = renderSlackMessage({ ...FACTS, event: "created", deployment, status: null });

    expect(message.blocks).toEqual([
      expect.anything(),
      {
        type: "section",
        fields: [
          expect.anything(),
          expect.anything(),
          expect.anything(),
          { type: "mrkdwn", text: "*By*\nunknown" },
          { type: "mrkdwn", text: "*State*\ncreated" },
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: "Deployment 1001" }] },
    ]);
  });

  it("names a target other than the environment and a task other than deploy", () => {
    const deployment = { ...FACTS.deployment, target: "web", task: "deploy:migrations" };

    const message = renderSlackMessage({ ...FACTS, deployment });

    expect(texts(message)).toEqual(
      expect.arrayContaining(["*Environment*\nproduction (target web)", "*Task*\ndeploy:migrations"]),
    );
  });

  it("says what to check for a stuck deployment: the watchdog's description, or a hint of its own", () => {
    const status = {
      ...STATUS,
      state: "error",
      description: "No status 10 minutes after creation: did a workflow run on: deployment?",
    };

    const described = renderSlackMessage({ ...FACTS, event: "stuck", status });
    const bare = renderSlackMessage({ ...FACTS, event: "stuck", status: { ...status, description: null } });

    expect(texts(described)).toContain(">No status 10 minutes after creation: did a workflow run on: deployment?");
    expect(texts(bare)).toContain(
      "Deliverybot marked it `error`: check that a workflow runs `on: deployment` and read the deploy job's log.",
    );
  });

  it("escapes everything that came from GitHub, so nothing pings anyone or becomes a link", () => {
    const hostile = "<!channel> <@U0001> <https://evil.example.com|x> & co";
    const facts: NotificationFacts = {
      ...FACTS,
      repository: { ...FACTS.repository, name: "<!here>" },
      deployment: {
        ...FACTS.deployment,
        environment: hostile,
        ref: hostile,
        creator: "<!everyone>",
        task: hostile,
        target: hostile,
      },
      status: { ...STATUS, state: "<!channel>", description: hostile },
    };

    const all = texts(renderSlackMessage(facts)).join("\n");

    expect(all).not.toMatch(/<[!@]/);
    expect(all).not.toContain("<https://evil.example.com");
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).toContain("&amp; co");
  });

  it("does not link URLs that could break out of a link or are not http(s)", () => {
    const facts: NotificationFacts = {
      ...FACTS,
      repository: { ...FACTS.repository, htmlUrl: "javascript:alert(1)//" },
      status: { ...STATUS, logUrl: "https://ci.example.com/x|<!channel>", environmentUrl: "https://x.example.com/a b" },
    };

    const message = renderSlackMessage(facts);

    const all = texts(message).join("\n");
    expect(all).not.toContain("javascript:");
    expect(all).not.toContain("ci.example.com");
    expect(all).not.toContain("x.example.com");
    expect(all).toContain("*Repository*\nacme/shop");
  });

  it("keeps within Slack's limits whatever the lengths", () => {
    const long = "&".repeat(10_000);
    const facts: NotificationFacts = {
      ...FACTS,
      repository: { ...FACTS.repository, owner: long, name: long, htmlUrl: `https://github.com/${"a".repeat(2000)}` },
      deployment: { ...FACTS.deployment, environment: long, ref: long, creator: long, task: long, target: `${long}x` },
      status: { ...STATUS, state: long, description: long },
    };

    const message = renderSlackMessage(facts);

    expect(message.text.length).toBeLessThanOrEqual(3000);
    for (const text of texts(message)) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    const fields = (message.blocks[1] as { fields: { text: string }[] }).fields;
    expect(fields.length).toBeLessThanOrEqual(10);
    for (const field of fields) expect(field.text.length).toBeLessThanOrEqual(2000);
  });

  it("cuts a long description sensibly", () => {
    const status = { ...STATUS, description: `${"word ".repeat(200)}end` };

    const message = renderSlackMessage({ ...FACTS, status });

    const description = texts(message).find((text) => text.startsWith(">")) ?? "";
    expect(description.length).toBeLessThanOrEqual(501);
    expect(description.endsWith("…")).toBe(true);
  });
});
