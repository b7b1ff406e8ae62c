import { describe, expect, it } from "@jest/globals";
import { formatProblems } from "./format-problems.js";
import type { ConfigProblem } from "./model.js";

const FILE = ".github/deploy.yml";

describe("formatProblems", () => {
  it("renders file:line, key and message as a list item with code for quoted parts", () => {
    const problems: ConfigProblem[] = [
      { file: FILE, line: 3, key: "production.enviroment", message: "unknown key `enviroment`: did you mean `environment`?" },
    ];

    const markdown = formatProblems(problems);

    expect(markdown).toBe(
      "- **.github/deploy.yml\\:3** — <code>production.enviroment</code> — unknown key <code>enviroment</code>\\: did you mean <code>environment</code>?",
    );
  });

  it("omits the line and the key when there are none", () => {
    const markdown = formatProblems([{ file: FILE, key: "", message: "no targets" }]);

    expect(markdown).toBe("- **.github/deploy.yml** — no targets");
  });

  it("returns an empty string for no problems", () => {
    expect(formatProblems([])).toBe("");
  });

  it("escapes HTML, links and table syntax from keys and values", () => {
    const hostile = "<img src=x onerror=alert(1)>[x](https://evil.example)|";
    const problems: ConfigProblem[] = [{ file: FILE, line: 1, key: hostile, message: `unknown key \`${hostile}\`` }];

    const markdown = formatProblems(problems);

    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("](");
    expect(markdown).not.toMatch(/(?<!\\)\|/);
    expect(markdown).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
  });

  it("stays safe when a value contains a backtick and shifts the code segments", () => {
    const problems: ConfigProblem[] = [{ file: FILE, key: "a", message: "unknown key `x`<b>y` in target `z`" }];

    const markdown = formatProblems(problems);

    expect(markdown).not.toContain("<b>");
    expect(markdown).toContain("&lt;b&gt;");
  });

  it("caps the number of problems and the length of each text", () => {
    const many: ConfigProblem[] = Array.from({ length: 60 }, (_, index) => ({
      file: FILE,
      line: index + 1,
      key: `k${index}`,
      message: "x".repeat(1000),
    }));

    const markdown = formatProblems(many);

    expect(markdown.split("\n")).toHaveLength(51);
    expect(markdown).toMatch(/… and 10 more$/);
    expect(markdown.length).toBeLessThan(20_000);
  });
});
