import { describe, expect, it } from "@jest/globals";
import { replaceMarkedSection, SECTION_END, SECTION_START } from "./replace-marked-section.js";

describe("replaceMarkedSection", () => {
  it("replaces the text between the markers and keeps the rest", () => {
    const readme = `# Title\n\n${SECTION_START}\nold\n${SECTION_END}\n\n## After\n`;

    const updated = replaceMarkedSection(readme, "new\n");

    expect(updated).toBe(`# Title\n\n${SECTION_START}\n\nnew\n\n${SECTION_END}\n\n## After\n`);
  });

  it("is stable when run twice", () => {
    const once = replaceMarkedSection(`${SECTION_START}${SECTION_END}`, "x") ?? "";

    expect(replaceMarkedSection(once, "x")).toBe(once);
  });

  it.each([
    ["no markers", "# Title\n"],
    ["only the start marker", `${SECTION_START}\n`],
    ["the end marker before the start", `${SECTION_END}\n${SECTION_START}\n`],
  ])("returns undefined with %s", (_name, readme) => {
    expect(replaceMarkedSection(readme, "x")).toBeUndefined();
  });
});
