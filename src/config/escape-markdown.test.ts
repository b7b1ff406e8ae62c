import { describe, expect, it } from "@jest/globals";
import { escapeMarkdown } from "./escape-markdown.js";

describe("escapeMarkdown", () => {
  it.each([
    ["production", "production"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert\\(1\\)&gt;"],
    ["a & b", "a &amp; b"],
    ["`code`", "\\`code\\`"],
    ["[click](https://evil.example)", "\\[click\\]\\(https\\://evil.example\\)"],
    ["see https://evil.example", "see https\\://evil.example"],
    ["![img](x)", "\\!\\[img\\]\\(x\\)"],
    ["*bold* _it_ ~~del~~", "\\*bold\\* \\_it\\_ \\~\\~del\\~\\~"],
    ["a | b", "a \\| b"],
    ["# heading", "\\# heading"],
    ["back\\slash", "back\\\\slash"],
    ["line1\nline2\r\n- item", "line1 line2 - item"],
    ["- item", "\\- item"],
    ["1. item", "1\\. item"],
    ["=== ", "\\=== "],
  ])("escapes %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("leaves no raw HTML or link syntax behind", () => {
    const hostile = "<script>x</script>[a](b)`c`|d|";

    const escaped = escapeMarkdown(hostile);

    expect(escaped).not.toMatch(/<|>|(?<!\\)[[\]`|]/);
  });
});
