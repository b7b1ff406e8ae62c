import { describe, expect, it, jest } from "@jest/globals";
import type { RepoContext } from "../deploy/repo-context.js";
import type { ChangedFiles } from "../domain/event-facts.js";
import { listPushedFiles } from "./list-pushed-files.js";

function context(compared: ChangedFiles) {
  const compareCommits = jest.fn<RepoContext["github"]["compareCommits"]>(async () => compared);
  const deps = { github: { compareCommits }, log: { debug: () => undefined } } as unknown as RepoContext;
  return { deps, compareCommits };
}

describe("listPushedFiles", () => {
  it("takes a complete list from the payload without asking GitHub", async () => {
    const { deps, compareCommits } = context([]);

    expect(await listPushedFiles(deps, { kind: "listed", files: ["a.ts"] })).toEqual(["a.ts"]);
    expect(await listPushedFiles(deps, { kind: "unknown" })).toBe("unknown");
    expect(compareCommits).not.toHaveBeenCalled();
  });

  it("asks GitHub to compare once and adds the files the payload listed", async () => {
    const { deps, compareCommits } = context(["old/dropped.ts", "b.ts"]);

    const files = await listPushedFiles(deps, { kind: "compare", base: "new", head: "old", alsoChanged: ["b.ts", "c.ts"] });

    expect(files).toEqual(["b.ts", "c.ts", "old/dropped.ts"]);
    expect(compareCommits).toHaveBeenCalledTimes(1);
    expect(compareCommits).toHaveBeenCalledWith("new", "old");
  });

  it("stays unknown when GitHub cannot compare either", async () => {
    const { deps } = context("unknown");

    expect(await listPushedFiles(deps, { kind: "compare", base: "a", head: "b", alsoChanged: ["c.ts"] })).toBe("unknown");
  });
});
