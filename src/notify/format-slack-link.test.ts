import { describe, expect, it } from "@jest/globals";
import { formatSlackLink, isSlackLinkable } from "./format-slack-link.js";

describe("formatSlackLink", () => {
  it.each<[string | null, string, string]>([
    ["https://github.com/acme/shop", "acme/shop", "<https://github.com/acme/shop|acme/shop>"],
    ["http://ci.example.com/job/1", "log", "<http://ci.example.com/job/1|log>"],
    ["https://ci.example.com/log?a=1&b=2", "log", "<https://ci.example.com/log?a=1&amp;b=2|log>"],
    ["https://github.com/acme/shop", "<!channel> & co", "<https://github.com/acme/shop|&lt;!channel&gt; &amp; co>"],
    [null, "<b>", "&lt;b&gt;"],
    ["javascript:alert(1)", "log", "log"],
    ["ftp://files.example.com/x", "log", "log"],
    ["https://ci.example.com/a|<!channel>", "log", "log"],
    ["https://ci.example.com/a>b", "log", "log"],
    ["https://ci.example.com/a<b", "log", "log"],
    ["https://ci.example.com/a b", "log", "log"],
    ["https://ci.example.com/a\nb", "log", "log"],
    ["https://", "log", "log"],
    ["/relative/path", "log", "log"],
    [`https://ci.example.com/${"a".repeat(3000)}`, "log", "log"],
  ])("%j, %j → %j", (url, text, expected) => {
    const link = formatSlackLink(url, text);

    expect(link).toBe(expected);
  });
});

describe("isSlackLinkable", () => {
  it.each([
    ["https://github.com/acme/shop/actions/runs/1", true],
    ["HTTP://ci.example.com", true],
    ["javascript://x%0aalert(1)", false],
    ["data:text/html,hi", false],
    ["https://x.example.com/|", false],
  ])("%s → %s", (url, expected) => {
    const linkable = isSlackLinkable(url);

    expect(linkable).toBe(expected);
  });
});
