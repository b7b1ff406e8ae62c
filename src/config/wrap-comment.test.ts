import { describe, expect, it } from "@jest/globals";
import { wrapComment } from "./wrap-comment.js";

describe("wrapComment", () => {
  it("writes a short text on one line", () => {
    expect(wrapComment(["One target."], "  ")).toEqual(["  /** One target. */"]);
  });

  it("wraps at 100 columns without splitting code spans", () => {
    const text = `${"word ".repeat(15)}uses \`\${{ short_sha }}\` and (\`/deploy <target>\`). ${"more ".repeat(20)}`;

    const lines = wrapComment([text, "@default 1"], "  ");

    expect(lines[0]).toBe("  /**");
    expect(lines.at(-1)).toBe("   */");
    expect(lines.every((line) => line.length <= 100)).toBe(true);
    expect(lines.join("\n")).toContain("`${{ short_sha }}`");
    expect(lines.join("\n")).toContain("(`/deploy <target>`).");
    expect(lines).toContain("   *");
    expect(lines).toContain("   * @default 1");
  });

  it("defuses a comment terminator in the text", () => {
    expect(wrapComment(["a */ b"], "")).toEqual(["/** a *\\/ b */"]);
  });

  it("keeps a stray backtick", () => {
    expect(wrapComment(["a ` b"], "")).toEqual(["/** a ` b */"]);
  });
});
