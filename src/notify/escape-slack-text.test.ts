import { describe, expect, it } from "@jest/globals";
import { escapeSlackText } from "./escape-slack-text.js";

describe("escapeSlackText", () => {
  it.each([
    ["main", "main"],
    ["<!channel>", "&lt;!channel&gt;"],
    ["<!here|here>", "&lt;!here|here&gt;"],
    ["<@U024BE7LH>", "&lt;@U024BE7LH&gt;"],
    ["<https://evil.example.com|click me>", "&lt;https://evil.example.com|click me&gt;"],
    ["a & b", "a &amp; b"],
    ["&lt; already", "&amp;lt; already"],
    ["*bold* _it_ `code`", "*bold* _it_ `code`"],
  ])("%j → %j", (text, expected) => {
    const escaped = escapeSlackText(text);

    expect(escaped).toBe(expected);
  });
});
