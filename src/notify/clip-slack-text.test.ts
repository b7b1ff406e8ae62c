import { describe, expect, it } from "@jest/globals";
import { clipSlackText } from "./clip-slack-text.js";

describe("clipSlackText", () => {
  it("keeps text that fits", () => {
    const text = clipSlackText("a <https://x.example.com|link> &amp; more", 42);

    expect(text).toBe("a <https://x.example.com|link> &amp; more");
  });

  it.each([
    ["plain text", "abcdefghij", 5, "abcd…"],
    ["a cut link, dropped whole", "see <https://x.example.com|the log> now", 20, "see …"],
    ["a cut entity, dropped whole", "a &amp; b", 5, "a …"],
    ["a complete entity, kept", "a &lt; b c d", 8, "a &lt; …"],
    ["a link before the cut, kept", "<https://x.example.com|x> and more text", 30, "<https://x.example.com|x> and…"],
    ["half a surrogate pair, dropped", "ab🚀cd", 4, "ab…"],
  ])("cuts %s", (_name, input, max, expected) => {
    const text = clipSlackText(input, max);

    expect(text).toBe(expected);
    expect(text.length).toBeLessThanOrEqual(max);
  });
});
