import { describe, expect, it } from "@jest/globals";
import { INSTALLATION_ID, useAppTests, type Harness } from "../helpers/app-harness.js";
import { CONFIG_FILE, configAtCommit, defaultBranchConfig, ORG_CONFIG, push, refOf } from "./config-events.js";

const SHA = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f";
const BRANCH_SHA = "b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6";
const MAIN = "refs/heads/main";
const CHECK_NAME = "Deliverybot config";

const VALID = "production:\n  environment: production\n  required_contexts: [ci]\n";
/** Line 3: an unknown key holding HTML; line 4: a target name holding Markdown emphasis. */
const INVALID_WITH_MARKUP = `production:
  auto_deploy_on: refs/heads/main
  "<img src=x>": true
"**bold**":
  environment: staging
`;

/** A check run answer shaped as GitHub sends it (the mock validates requests, not answers). */
function checkRun(id: number, sha: string, conclusion: "success" | "failure") {
  return {
    id,
    head_sha: sha,
    node_id: "CR_kwDO",
    name: CHECK_NAME,
    status: "completed",
    conclusion,
    started_at: null,
    completed_at: "2026-11-23T10:00:00Z",
  };
}

describe("the Deliverybot config check run", () => {
  const { github, start } = useAppTests();
  let h: Harness;

  /** The file as it is at the pushed commit: the read must carry `?ref=<sha>`. */
  const serveFileAt = (sha: string, body: string) =>
    github.expect("GET", configAtCommit(h), { status: 200, body, headers: { etag: '"at-commit"' } }, (_body, request) => {
      expect(refOf(request)).toBe(sha);
    });
  /** The default branch's file, read through Probot's config API: no `ref` at all. */
  const serveDefaultBranch = (body: string) =>
    github.expect("GET", defaultBranchConfig(h), { status: 200, body, headers: { etag: '"default"' } }, (_body, request) => {
      expect(refOf(request)).toBeNull();
    });

  it("reports a valid changed file as a successful check run on the pushed commit, read at that commit", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveFileAt(SHA, VALID);
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: checkRun(1, SHA, "success") }, (body) => {
      expect(body).toMatchObject({
        name: CHECK_NAME,
        head_sha: SHA,
        status: "completed",
        conclusion: "success",
        output: { title: "Configuration is valid", summary: expect.stringContaining("1 target(s) (production)") },
      });
    });
    serveDefaultBranch(VALID);

    await push(h, { ref: MAIN, sha: SHA, changed: [CONFIG_FILE] });

    github.done();
    const configReads = github.requests.filter((r) => r.method === "GET");
    expect(configReads.map(refOf)).toEqual([SHA, null]);
  });

  it("reports an invalid changed file as a failed check run with line annotations and an escaped summary", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveFileAt(SHA, INVALID_WITH_MARKUP);
    let report: { output: { summary: string; annotations: Array<{ start_line: number; message: string }> } } | undefined;
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: checkRun(2, SHA, "failure") }, (body) => {
      expect(body).toMatchObject({ name: CHECK_NAME, head_sha: SHA, status: "completed", conclusion: "failure" });
      report = body as typeof report;
    });
    serveDefaultBranch(INVALID_WITH_MARKUP);

    await push(h, { ref: MAIN, sha: SHA, changed: [CONFIG_FILE] });

    github.done();
    const { summary, annotations } = report?.output ?? { summary: "", annotations: [] };
    expect(annotations.map((a) => a.start_line).sort((a, b) => a - b)).toEqual([3, 4]);
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: CONFIG_FILE,
        start_line: 3,
        end_line: 3,
        annotation_level: "failure",
        message: expect.stringContaining("<img src=x>"),
      }),
    );
    // Every problem listed with its escaped location (`:` is escaped so nothing autolinks).
    expect(summary.split("\n")).toEqual([
      expect.stringMatching(/^- \*\*\.github\/deploy\.yml\\:3\*\* — /),
      expect.stringMatching(/^- \*\*\.github\/deploy\.yml\\:4\*\* — /),
    ]);
    expect(summary).toContain("unknown key <code>&lt;img src=x&gt;</code>");
    expect(summary).toContain("\\*\\*bold\\*\\*");
    expect(summary).not.toContain("<img");
    expect(summary).not.toContain("**bold**");
    expect((await h.store.listDecisions(h.repo.id, { sha: SHA }))[0]).toMatchObject({ reason: "config_invalid" });
  });

  // A file that inherits its targets — the usual Probot `_extends: .github` — must be checked with
  // them, as the gates will load it; validated alone it would wrongly report "no targets".
  it("validates a changed file that only says _extends: .github with the inherited targets, as the gates load it", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    const extendsOnly = "_extends: .github\n";
    serveFileAt(SHA, extendsOnly);
    // Any number of reads: a fix may read the org file for the check as well as for the gates.
    github.expect("GET", ORG_CONFIG, {
      status: 200,
      body: "production:\n  environment: production\n",
      headers: { etag: '"org"' },
      persist: true,
    });
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: checkRun(4, SHA, "success") }, (body) => {
      expect(body).toMatchObject({ name: CHECK_NAME, head_sha: SHA, conclusion: "success" });
    });
    serveDefaultBranch(extendsOnly);

    await push(h, { ref: MAIN, sha: SHA, changed: [CONFIG_FILE] });

    github.done();
    expect(await h.store.listDecisions(h.repo.id, { sha: SHA })).toEqual([]);
  });

  it("checks a branch's changed file but gates with the default branch's file, so the branch cannot loosen its gates", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveFileAt(BRANCH_SHA, "production:\n  auto_deploy_on: refs/heads/*\n  required_contexts: []\n");
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: checkRun(3, BRANCH_SHA, "success") }, (body) => {
      expect(body).toMatchObject({ name: CHECK_NAME, head_sha: BRANCH_SHA, conclusion: "success" });
    });
    serveDefaultBranch("production:\n  auto_deploy_on: refs/heads/*\n  required_contexts: [ci]\n");

    await push(h, { ref: "refs/heads/loosen-gates", sha: BRANCH_SHA, changed: [CONFIG_FILE] });

    github.done();
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/deployments"))).toEqual([]);
    const [decision] = await h.store.listDecisions(h.repo.id, { sha: BRANCH_SHA });
    expect(decision).toMatchObject({ reason: "waiting_for_checks", target: "production", ref: "refs/heads/loosen-gates" });
    expect(decision?.message).toContain("Waiting for ci ");
    expect(await h.store.listPendingBySha(h.repo.id, BRANCH_SHA)).toHaveLength(1);
  });

  it("does not count its own check run as a CI signal: no request, nothing recorded", async () => {
    h = await start();
    github.installationToken(INSTALLATION_ID);
    serveDefaultBranch("version: 2\ntargets:\n  production:\n    auto_deploy_on: refs/heads/main\n");
    await push(h, { ref: MAIN, sha: SHA });
    const requestsBefore = github.requests.length;
    const decisionsBefore = await h.store.listDecisions(h.repo.id, { sha: SHA });

    await h.receive("check_run", {
      action: "completed",
      edit: (p) => {
        p.check_run.id = 9001;
        p.check_run.name = CHECK_NAME;
        p.check_run.head_sha = SHA;
        p.check_run.status = "completed";
        p.check_run.conclusion = "success";
      },
    });

    github.done();
    expect(decisionsBefore).toEqual([expect.objectContaining({ reason: "waiting_for_checks", target: "production" })]);
    expect(github.requests).toHaveLength(requestsBefore);
    expect(await h.store.listChecks(h.repo.id, SHA)).toEqual([]);
    expect(await h.store.listDecisions(h.repo.id, { sha: SHA })).toEqual(decisionsBefore);
  });
  it("warns, on its line, about a notification channel the owner has not registered", async () => {
    h = await start();
    const withNotifications = `version: 2
targets:
  production:
    required_contexts: []
notifications:
  - channel: deploys
  - channel: ops-slak
`;
    await h.registerChannel("deploys", "https://hooks.example.com/deliverybot");
    github.installationToken(INSTALLATION_ID);
    serveFileAt(SHA, withNotifications);
    github.expect("POST", `${h.api}/check-runs`, { status: 201, body: checkRun(1, SHA, "success") }, (body) => {
      expect(body).toMatchObject({
        conclusion: "success",
        output: {
          title: "Configuration is valid",
          summary: expect.stringContaining("no channel <code>ops-slak</code> is registered for acme"),
          annotations: [
            {
              path: CONFIG_FILE,
              start_line: 7,
              end_line: 7,
              annotation_level: "warning",
              message: expect.stringContaining(
                "notifications[1].channel: no channel `ops-slak` is registered for acme, so these notifications go nowhere: register it with `deliverybot notify add acme ops-slak --webhook`",
              ),
            },
          ],
        },
      });
    });
    serveDefaultBranch(withNotifications);

    await push(h, { ref: MAIN, sha: SHA, changed: [CONFIG_FILE] });

    github.done();
  });
});
