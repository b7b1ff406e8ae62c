import { describe, expect, it } from "@jest/globals";
import { loadPayload, type WebhookPayload } from "../../test/helpers/payloads.js";
import { MAX_COMMIT_FILES, MAX_PUSH_COMMITS, readPushedFiles } from "./read-pushed-files.js";

const BEFORE = "b".repeat(40);
const AFTER = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

type Commit = WebhookPayload<"push">["commits"][number];
type Files = Partial<Pick<Commit, "added" | "modified" | "removed">>;

/** The real push of one commit to master, moved forward from BEFORE, with these commits' files. */
function push(commits: Files[], fields: Partial<Pick<WebhookPayload<"push">, "created" | "forced" | "before">> = {}) {
  return loadPayload("push", {
    index: 4,
    edit: (p) => {
      const [commit] = p.commits;
      if (commit === undefined) throw new Error("the example has no commit");
      Object.assign(p, { before: BEFORE, created: false, forced: false, ...fields });
      p.commits = commits.map((files) => ({ ...commit, added: [], modified: [], removed: [], ...files }));
    },
  });
}

describe("readPushedFiles", () => {
  it("lists the files of the real example, a new branch with one commit adding README.md", () => {
    expect(readPushedFiles(loadPayload("push", { index: 4 }))).toEqual({ kind: "listed", files: ["README.md"] });
  });

  it("lists every file the commits added, modified or removed, each once", () => {
    const payload = push([
      { added: ["services/api/a.ts"], modified: ["README.md"] },
      { modified: ["README.md"], removed: ["web/old.css"] },
    ]);

    expect(readPushedFiles(payload)).toEqual({ kind: "listed", files: ["services/api/a.ts", "README.md", "web/old.css"] });
  });

  it.each([
    [
      "lists as many commits as a payload can hold",
      () => push(Array.from({ length: MAX_PUSH_COMMITS }, () => ({ added: ["a"] }))),
    ],
    [
      "lists as many files in one commit as a payload can hold",
      () => push([{ added: Array.from({ length: MAX_COMMIT_FILES }, (_, i) => `f${i}`) }]),
    ],
    ["lists a commit without its files", () => push([{ added: undefined }])],
    ["lists no commit although the ref moved", () => push([])],
  ])("asks to compare before...after when the payload %s", (_name, payload) => {
    expect(readPushedFiles(payload())).toEqual({ kind: "compare", base: BEFORE, head: AFTER, alsoChanged: [] });
  });

  it("asks what a force push's dropped commits changed (after...before), keeping the listed files", () => {
    const payload = push([{ added: ["services/api/a.ts"] }], { forced: true });

    expect(readPushedFiles(payload)).toEqual({ kind: "compare", base: AFTER, head: BEFORE, alsoChanged: ["services/api/a.ts"] });
  });

  it("cannot tell for a force push whose own commits are cut short", () => {
    const payload = push([{ added: undefined }], { forced: true });

    expect(readPushedFiles(payload)).toEqual({ kind: "unknown" });
  });

  it.each([
    ["created", { created: true }],
    ["with before 000…", { before: "0".repeat(40) }],
  ])("cannot tell for a new ref (%s) without listed commits: there is nothing to compare with", (_name, fields) => {
    expect(readPushedFiles(push([], fields))).toEqual({ kind: "unknown" });
  });
});
